/**
 * Text to token ids and back, behind one interface ({@link io.reasoner.engine.tokenizer.Tokenizer}):
 * <ul>
 *   <li>the SentencePiece (llama.cpp "SPM") tokenizer whose vocabulary is embedded in a GGUF file;</li>
 *   <li>GPT-2-style byte-level BPE ({@link io.reasoner.engine.tokenizer.BpeTokenizer}), from a GGUF file
 *       ({@code tokenizer.ggml.model = gpt2}) or from a Hugging Face {@code tokenizer.json};</li>
 *   <li>Hugging Face {@code tokenizer.json} run by the Rust tokenizers library through DJL
 *       ({@link io.reasoner.engine.tokenizer.DjlHuggingFaceTokenizer}), the reference the others are checked
 *       against;</li>
 * </ul>
 * and a streaming detokenizer that turns generated tokens into text deltas without ever splitting a UTF-8
 * character. {@link io.reasoner.engine.tokenizer.Tokenizers} picks the right one for a model.
 */
package io.reasoner.engine.tokenizer;
