/**
 * Text to token ids and back: the SentencePiece (llama.cpp "SPM") tokenizer whose vocabulary is embedded in a
 * GGUF file, and a streaming detokenizer that turns generated tokens into text deltas without ever splitting a
 * UTF-8 character.
 */
package io.reasoner.engine.tokenizer;
