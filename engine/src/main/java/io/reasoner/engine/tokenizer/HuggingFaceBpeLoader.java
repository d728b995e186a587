package io.reasoner.engine.tokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds a pure-Java {@link BpeTokenizer} from a {@code tokenizer.json} of the byte-level BPE family (GPT-2, Qwen,
 * Llama 3): model {@code BPE} without byte fallback or subword affixes; pre-tokenizer {@code ByteLevel} (with its
 * GPT-2 regex) or {@code Split(regex, Isolated)} followed by {@code ByteLevel} without regex; normalizer none or
 * NFC. Anything else is refused rather than tokenized differently from the reference. Added tokens become
 * {@link TokenType#CONTROL} when special and {@link TokenType#USER_DEFINED} otherwise, as llama.cpp's converter
 * writes them; their {@code lstrip}/{@code rstrip}/{@code single_word} options are not honoured.
 */
final class HuggingFaceBpeLoader {

    private HuggingFaceBpeLoader() {
    }

    static BpeTokenizer load(TokenizerJson json, HuggingFaceTokenizerConfig config) {
        JsonObject model = json.section("model");
        require(model != null && "BPE".equals(string(model, "type")), "model.type must be BPE");
        require(!model.has("byte_fallback") || !model.get("byte_fallback").getAsBoolean(),
                "model.byte_fallback is not supported");
        require(string(model, "continuing_subword_prefix") == null
                        || string(model, "continuing_subword_prefix").isEmpty(),
                "model.continuing_subword_prefix is not supported");
        require(string(model, "end_of_word_suffix") == null || string(model, "end_of_word_suffix").isEmpty(),
                "model.end_of_word_suffix is not supported");
        boolean nfc = normalizerIsNfc(json.section("normalizer"));
        BpePreTokenizer preTokenizer = preTokenizer(json.section("pre_tokenizer"));
        return new BpeTokenizer(vocabulary(json, model, config), preTokenizer, nfc);
    }

    private static BpeVocabulary vocabulary(TokenizerJson json, JsonObject model, HuggingFaceTokenizerConfig config) {
        List<String> tokens = new ArrayList<>(json.size());
        List<TokenType> types = new ArrayList<>(Collections.nCopies(json.size(), TokenType.NORMAL));
        for (int id = 0; id < json.size(); id++) {
            String token = json.token(id);
            if (token == null) {
                tokens.add("[PAD" + id + "]"); // an id no entry uses, named as llama.cpp's converter does
                types.set(id, TokenType.UNUSED);
            } else {
                tokens.add(token);
            }
        }
        for (TokenizerJson.AddedToken added : json.addedTokens()) {
            types.set(added.id(), added.special() ? TokenType.CONTROL : TokenType.USER_DEFINED);
        }
        int bos = config.bosToken().map(text -> idOf(json, text, "bos_token")).orElse(-1);
        int eos = idOf(json, config.eosToken().orElseThrow(() -> new UnsupportedTokenizerException(
                "tokenizer_config.json names no eos_token")), "eos_token");
        return new BpeVocabulary(tokens, types, merges(model), bos, eos,
                config.addBosToken().orElse(false) && bos >= 0);
    }

    /** Merges are strings {@code "a b"} in older files and pairs {@code ["a", "b"]} in newer ones. */
    private static List<String> merges(JsonObject model) {
        List<String> merges = new ArrayList<>();
        JsonArray array = model.has("merges") ? model.getAsJsonArray("merges") : new JsonArray();
        for (JsonElement merge : array) {
            merges.add(merge.isJsonArray()
                    ? merge.getAsJsonArray().get(0).getAsString() + " " + merge.getAsJsonArray().get(1).getAsString()
                    : merge.getAsString());
        }
        return merges;
    }

    private static boolean normalizerIsNfc(JsonObject normalizer) {
        if (normalizer == null) {
            return false;
        }
        require("NFC".equals(string(normalizer, "type")),
                "normalizer " + string(normalizer, "type") + " is not supported (only none or NFC)");
        return true;
    }

    private static BpePreTokenizer preTokenizer(JsonObject pre) {
        require(pre != null, "a pre_tokenizer is required");
        if ("ByteLevel".equals(string(pre, "type"))) {
            requireByteLevel(pre, true);
            return BpePreTokenizer.GPT2;
        }
        require("Sequence".equals(string(pre, "type")), "pre_tokenizer " + string(pre, "type") + " is not supported");
        JsonArray steps = pre.getAsJsonArray("pretokenizers");
        require(steps.size() == 2, "a pre_tokenizer Sequence must be Split then ByteLevel");
        JsonObject split = steps.get(0).getAsJsonObject();
        require("Split".equals(string(split, "type")) && "Isolated".equals(string(split, "behavior"))
                        && !(split.has("invert") && split.get("invert").getAsBoolean())
                        && split.getAsJsonObject("pattern").has("Regex"),
                "the first pre_tokenizer step must be Split with a Regex, behavior Isolated, not inverted");
        requireByteLevel(steps.get(1).getAsJsonObject(), false);
        return BpePreTokenizer.ofRegex(split.getAsJsonObject("pattern").get("Regex").getAsString());
    }

    private static void requireByteLevel(JsonObject step, boolean useRegex) {
        require("ByteLevel".equals(string(step, "type")), "expected a ByteLevel pre_tokenizer step");
        require(!step.has("add_prefix_space") || !step.get("add_prefix_space").getAsBoolean(),
                "ByteLevel add_prefix_space is not supported");
        boolean regex = !step.has("use_regex") || step.get("use_regex").getAsBoolean();
        require(regex == useRegex, "ByteLevel use_regex must be " + useRegex + " here");
    }

    private static int idOf(TokenizerJson json, String token, String name) {
        return json.find(token).orElseThrow(() -> new UnsupportedTokenizerException(
                name + " '" + token + "' is not in tokenizer.json"));
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UnsupportedTokenizerException("tokenizer.json: " + message);
        }
    }
}
