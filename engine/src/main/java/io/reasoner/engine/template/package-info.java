/**
 * Chat templates: a model's own Jinja template (Hugging Face {@code chat_template} or GGUF
 * {@code tokenizer.chat_template}) rendered with Jinjava made to behave like Hugging Face's Jinja2 environment,
 * and a raw-prompt fallback for models without one. {@link io.reasoner.engine.template.ChatTemplates} finds the
 * template for a model.
 */
package io.reasoner.engine.template;
