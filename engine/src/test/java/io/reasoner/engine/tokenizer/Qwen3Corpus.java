package io.reasoner.engine.tokenizer;

import java.util.List;

/** Varied text for conformance tests: every sample is NFC (Qwen's tokenizer normalizes to NFC, see the tests). */
final class Qwen3Corpus {

    static final List<String> SAMPLES = List.of(
            "Wait",
            "Hello, world! How's it going? I'M fine, they'LL see.",
            "Numbers: 3.14159, 1,000,000 and 2024-01-01T12:00:00Z; 42nd street.",
            "中文测试：你好，世界！日本語のテキスト、カタカナ。한국어 문장입니다.",
            "Emoji 👍🏽 👨‍👩‍👧‍👦 🇩🇪 🙂 and symbols ∑ ∫ ≠ → ← ©®™",
            "Combining marks that have no precomposed form: q̃ x̂ ǹ̃ and a Zalgo-ish ṱ̈̆ë̤x̰t",
            "RTL: مرحبا بالعالم — שלום עולם (mixed with English)",
            "Lines\n\nand\ttabs\r\nwindows line\r\n   indented   \n\n\n",
            "Unicode spaces:\u00a0non-breaking,\u3000ideographic,\u2009thin.",
            "def square(x):\n    return x ** 2  # comment\n\nprint(square(12))\n",
            "<think>\nLet me reason about this.\n</think>\n\nThe answer is 4.",
            "Trailing spaces   ",
            " leading space and \"quotes\" and 'single' and `backticks`",
            "Ümlaut Ärger über Straße; café naïve façade résumé; ñandú;",
            "Ελληνικά; Русский текст; हिन्दी पाठ; ภาษาไทย.",
            "URL https://example.com/path?q=1&lang=en#frag and email a.b@c.de",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP: 𝄞 𐍈 😀");

    private Qwen3Corpus() {
    }

    /** A text of several thousand tokens, far beyond DJL's default 512-token truncation. */
    static String longText() {
        return String.join("\n", SAMPLES).repeat(12);
    }
}
