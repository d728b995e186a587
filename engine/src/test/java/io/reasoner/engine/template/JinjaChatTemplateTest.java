package io.reasoner.engine.template;

import static io.reasoner.engine.template.ChatMessage.assistant;
import static io.reasoner.engine.template.ChatMessage.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Hugging Face template dialect on small templates, one feature at a time. */
class JinjaChatTemplateTest {

    private static String render(String template, List<ChatMessage> messages) {
        return ChatTemplate.jinja(template, Map.of("bos_token", "<s>", "eos_token", "</s>"))
                .render(messages, true, Map.of());
    }

    @Test
    void specialTokensAndGenerationFlag_areTemplateVariables() {
        String template = "{{ bos_token }}{% for m in messages %}[{{ m.role }}]{{ m['content'] }}{{ eos_token }}"
                + "{% endfor %}{% if add_generation_prompt %}[assistant]{% endif %}";

        assertThat(render(template, List.of(user("hi")))).isEqualTo("<s>[user]hi</s>[assistant]");
    }

    @Test
    void raiseException_failsTheRenderWithTheTemplatesMessage() {
        String template = "{% if messages[0].role != 'system' %}{{ raise_exception('System first!') }}{% endif %}";

        assertThatThrownBy(() -> render(template, List.of(user("hi"))))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining("System first!");
    }

    @Test
    void reverseSliceAndLoopIndex_walkMessagesBackwards() {
        String template = "{% for m in messages[::-1] %}{{ loop.index0 }}:{{ m.content }} {% endfor %}";

        assertThat(render(template, List.of(user("a"), assistant("b"), user("c")))).isEqualTo("0:c 1:b 2:a ");
    }

    @Test
    void namespace_keepsStateAcrossLoopIterations_withArithmeticKeywordValues() {
        String template = "{% set ns = namespace(last=messages|length - 1, seen=false) %}"
                + "{% for m in messages %}{% if m.role == 'user' %}{% set ns.last = loop.index0 %}{% endif %}"
                + "{% endfor %}{{ ns.last }}";

        assertThat(render(template, List.of(user("a"), user("b"), assistant("c")))).isEqualTo("1");
    }

    @Test
    void pythonStringMethods_followPythonSemantics() {
        String template = "{% set c = messages[0].content %}"
                + "{% if c.startswith('<a>') and c.endswith(('x', '</a>')) and not c.startswith('a') %}S{% endif %} "
                + "[{{ c.split('</a>')[-1] }}] [{{ c.split('</a>')[0].lstrip('<a>') }}] "
                + "[{{ '  pad  '.strip() }}] [{{ '\\n\\nx\\n'.strip('\\n') }}] {{ 'a  b c'.split()|length }} "
                + "{{ 'Ab'.upper() }}{{ 'Ab'.lower() }}";

        assertThat(render(template, List.of(user("<a>inner</a>"))))
                .isEqualTo("S [] [inner] [pad] [x] 3 ABab");
    }

    @Test
    void isTests_andToJson_work() {
        String template = "{% if messages[0].content is string and enable is not defined and none is none %}"
                + "ok{% endif %} {{ {'k': [1, 'v']}|tojson }}";

        // Compact JSON: Python's json.dumps would write {"k": [1, "v"]}; only tool schemas are affected.
        assertThat(render(template, List.of(user("x")))).isEqualTo("ok {\"k\":[1,\"v\"]}");
    }

    @Test
    void blockTags_trimTheirLine_asTransformersConfiguresJinja() {
        String template = "{% for m in messages %}\n  {% if m.role == 'user' %}\nU: {{ m.content }}\n"
                + "  {% endif %}\n{% endfor %}\n";

        // trim_blocks drops the newline after a tag, lstrip_blocks the indentation before it; the final newline
        // of the template is dropped as Jinja2 does by default.
        assertThat(render(template, List.of(user("a"), user("b")))).isEqualTo("U: a\nU: b\n");
    }

    @Test
    void unknownMethod_failsInsteadOfRenderingGarbage() {
        assertThatThrownBy(() -> render("{{ messages[0].content.casefold() }}", List.of(user("x"))))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining("casefold");
    }

    @Test
    void rawPrompt_isTheMessagesText_withoutMarkup() {
        ChatTemplate raw = ChatTemplate.rawPrompt();

        assertThat(raw.render(List.of(user("Once upon a time")), true)).isEqualTo("Once upon a time");
        assertThat(raw.render(List.of(user("Once"), assistant("upon")), true)).isEqualTo("Once\nupon");
    }

    @Test
    void message_requiresARole() {
        assertThatThrownBy(() -> new ChatMessage(" ", "x")).hasMessage("role must not be blank");
    }
}
