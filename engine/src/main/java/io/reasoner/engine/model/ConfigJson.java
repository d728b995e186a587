package io.reasoner.engine.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;

/** Typed, checked reads of {@code config.json}; a JSON {@code null} counts as absent. */
record ConfigJson(JsonNode json) {

    private static final String CONFIG_FILE = HuggingFaceModelFormat.CONFIG_FILE;

    ConfigJson {
        Objects.requireNonNull(json, "json");
    }

    JsonNode node(String key) {
        return json.path(key);
    }

    private boolean present(String key) {
        return !json.path(key).isMissingNode() && !json.path(key).isNull();
    }

    String string(String key) {
        return optionalString(key).orElseThrow(() -> missing(key, "a string"));
    }

    Optional<String> optionalString(String key) {
        if (!present(key)) {
            return Optional.empty();
        }
        if (!json.get(key).isString()) {
            throw wrongType(key, "a string");
        }
        return Optional.of(json.get(key).stringValue());
    }

    int integer(String key) {
        return optionalInteger(key).orElseThrow(() -> missing(key, "an integer"));
    }

    OptionalInt optionalInteger(String key) {
        if (!present(key)) {
            return OptionalInt.empty();
        }
        JsonNode value = json.get(key);
        if (!value.isIntegralNumber() || value.longValue() != (int) value.longValue()) {
            throw wrongType(key, "an int");
        }
        return OptionalInt.of(value.intValue());
    }

    /** A number, or {@code fallback} when absent; a NaN fallback makes the key required. */
    double number(String key, double fallback) {
        if (!present(key)) {
            if (Double.isNaN(fallback)) {
                throw missing(key, "a number");
            }
            return fallback;
        }
        if (!json.get(key).isNumber()) {
            throw wrongType(key, "a number");
        }
        return json.get(key).doubleValue();
    }

    boolean bool(String key, boolean fallback) {
        if (!present(key)) {
            return fallback;
        }
        if (!json.get(key).isBoolean()) {
            throw wrongType(key, "a boolean");
        }
        return json.get(key).booleanValue();
    }

    /** A token id, written as an int or as a list whose first entry is the primary id (Llama 3 lists EOS ids). */
    OptionalInt tokenId(String key) {
        JsonNode value = json.path(key);
        if (value.isArray() && !value.isEmpty()) {
            value = value.get(0);
        }
        if (value.isMissingNode() || value.isNull() || value.isArray()) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber()) {
            throw wrongType(key, "an int or a list of ints");
        }
        return OptionalInt.of(value.intValue());
    }

    private ModelLoadException missing(String key, String type) {
        return new ModelLoadException(CONFIG_FILE + " must set " + key + " to " + type);
    }

    private ModelLoadException wrongType(String key, String type) {
        return new ModelLoadException(CONFIG_FILE + " " + key + " must be " + type + ", was " + json.get(key));
    }
}
