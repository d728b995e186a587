package io.reasoner.engine.tokenizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A parsed Hugging Face {@code tokenizer.json}: the id-to-token table (model vocabulary plus added tokens) that
 * the native tokenizer does not expose, and the raw sections a pure-Java loader needs. Immutable once built.
 */
final class TokenizerJson {

    static final String FILE_NAME = "tokenizer.json";

    /** An entry of {@code added_tokens}; {@code special} ones are skipped when decoding. */
    record AddedToken(int id, String content, boolean special) {
    }

    private final JsonObject root;
    private final String[] tokens;
    private final List<AddedToken> addedTokens;
    private final Map<String, Integer> ids;

    private TokenizerJson(JsonObject root) {
        this.root = root;
        JsonObject model = root.getAsJsonObject("model");
        Map<Integer, String> byId = new HashMap<>();
        JsonElement vocab = model == null ? null : model.get("vocab");
        if (vocab != null && vocab.isJsonObject()) {
            vocab.getAsJsonObject().entrySet().forEach(e -> byId.put(e.getValue().getAsInt(), e.getKey()));
        } else if (vocab != null && vocab.isJsonArray()) {
            // Unigram: a list of [piece, score] whose index is the id.
            for (int id = 0; id < vocab.getAsJsonArray().size(); id++) {
                byId.put(id, vocab.getAsJsonArray().get(id).getAsJsonArray().get(0).getAsString());
            }
        }
        addedTokens = new ArrayList<>();
        if (root.has("added_tokens")) {
            for (JsonElement element : root.getAsJsonArray("added_tokens")) {
                JsonObject token = element.getAsJsonObject();
                AddedToken added = new AddedToken(token.get("id").getAsInt(), token.get("content").getAsString(),
                        token.has("special") && token.get("special").getAsBoolean());
                addedTokens.add(added);
                byId.put(added.id(), added.content());
            }
        }
        int size = byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        tokens = new String[size];
        ids = new HashMap<>(size * 2);
        byId.forEach((id, token) -> {
            tokens[id] = token;
            ids.putIfAbsent(token, id);
        });
    }

    static TokenizerJson readFolder(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a JSON object */
    static TokenizerJson parse(String json) {
        try {
            return new TokenizerJson(JsonParser.parseString(json).getAsJsonObject());
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException("tokenizer.json is malformed: " + e.getMessage(), e);
        }
    }

    /** One past the highest id. */
    int size() {
        return tokens.length;
    }

    /** The token string of an id, or null for an id no entry uses. */
    String token(int id) {
        return tokens[id];
    }

    OptionalInt find(String token) {
        Integer id = ids.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    List<AddedToken> addedTokens() {
        return List.copyOf(addedTokens);
    }

    /** A top-level section ({@code model}, {@code normalizer}, {@code pre_tokenizer}, ...), or null. */
    JsonObject section(String name) {
        JsonElement value = root.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsJsonObject();
    }
}
