package io.reasoner.engine.tokenizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a Hugging Face {@code tokenizer_config.json} the engine uses: the special-token strings, whether
 * BOS is added, and the Jinja chat template. Special tokens may be written as strings or as added-token objects
 * ({@code {"content": "<s>", ...}}); both are read as their text.
 *
 * @param chatTemplate the template named "default" when the file lists several
 */
public record HuggingFaceTokenizerConfig(Optional<String> bosToken, Optional<String> eosToken,
                                         Optional<String> padToken, Optional<String> unkToken,
                                         Optional<Boolean> addBosToken, Optional<String> chatTemplate) {

    public static final String FILE_NAME = "tokenizer_config.json";

    public HuggingFaceTokenizerConfig {
        Objects.requireNonNull(bosToken, "bosToken");
        Objects.requireNonNull(eosToken, "eosToken");
        Objects.requireNonNull(padToken, "padToken");
        Objects.requireNonNull(unkToken, "unkToken");
        Objects.requireNonNull(addBosToken, "addBosToken");
        Objects.requireNonNull(chatTemplate, "chatTemplate");
    }

    /** A config that says nothing, for folders without {@code tokenizer_config.json}. */
    public static HuggingFaceTokenizerConfig empty() {
        return new HuggingFaceTokenizerConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Reads {@code tokenizer_config.json} from a model folder, or {@link #empty()} if the folder has none. */
    public static HuggingFaceTokenizerConfig readFolder(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a JSON object */
    public static HuggingFaceTokenizerConfig parse(String json) {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("tokenizer_config.json must be a JSON object: " + e.getMessage(), e);
        }
        return new HuggingFaceTokenizerConfig(tokenText(root, "bos_token"), tokenText(root, "eos_token"),
                tokenText(root, "pad_token"), tokenText(root, "unk_token"),
                present(root, "add_bos_token").map(JsonElement::getAsBoolean), chatTemplate(root));
    }

    /** The special tokens by the names chat templates use ({@code bos_token}, {@code eos_token}, ...). */
    public Map<String, String> specialTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        bosToken.ifPresent(text -> tokens.put("bos_token", text));
        eosToken.ifPresent(text -> tokens.put("eos_token", text));
        padToken.ifPresent(text -> tokens.put("pad_token", text));
        unkToken.ifPresent(text -> tokens.put("unk_token", text));
        return tokens;
    }

    private static Optional<String> tokenText(JsonObject root, String key) {
        return present(root, key).map(value -> value.isJsonObject()
                ? value.getAsJsonObject().get("content").getAsString() : value.getAsString());
    }

    /** A single template, or the one named "default" (else the first) from a list of named templates. */
    private static Optional<String> chatTemplate(JsonObject root) {
        return present(root, "chat_template").map(value -> {
            if (!value.isJsonArray()) {
                return value.getAsString();
            }
            JsonObject chosen = null;
            for (JsonElement entry : value.getAsJsonArray()) {
                JsonObject named = entry.getAsJsonObject();
                if (chosen == null || "default".equals(named.get("name").getAsString())) {
                    chosen = named;
                }
            }
            if (chosen == null) {
                throw new IllegalArgumentException("chat_template is an empty list");
            }
            return chosen.get("template").getAsString();
        });
    }

    private static Optional<JsonElement> present(JsonObject root, String key) {
        JsonElement value = root.get(key);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
    }
}
