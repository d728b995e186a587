package io.reasoner.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JinjaSourceAdapterTest {

    @Test
    void reverseSlice_becomesTheReverseFilter() {
        assertThat(JinjaSourceAdapter.adapt("{% for m in messages[::-1] %}"))
                .isEqualTo("{% for m in messages|reverse %}");
    }

    @Test
    void keywordArgumentValues_areParenthesised() {
        assertThat(JinjaSourceAdapter.adapt("{%- set ns = namespace(a=true, last=messages|length - 1) %}"))
                .isEqualTo("{%- set ns = namespace(a=(true), last=(messages|length - 1)) %}");
        assertThat(JinjaSourceAdapter.adapt("{{ x|tojson(indent=4) }}")).isEqualTo("{{ x|tojson(indent=(4)) }}");
    }

    @Test
    void comparisonsAndAssignments_areLeftAlone() {
        String code = "{% set x = a == b %}{% if f(a == 1, b != 2, c <= 3, d >= 4) %}{% endif %}";

        assertThat(JinjaSourceAdapter.adapt(code)).isEqualTo(code);
    }

    @Test
    void textStringLiteralsAndComments_areNeverRewritten() {
        String template = "text f(a=1) [::-1] {# f(a=1) #}{{ 'f(a=1) [::-1]' }}";

        assertThat(JinjaSourceAdapter.adapt(template)).isEqualTo(template);
    }

    @Test
    void nestedCalls_closeEachValueAtItsOwnLevel() {
        assertThat(JinjaSourceAdapter.adapt("{{ f(a=g(b=1, c=[1, 2]), d=2) }}"))
                .isEqualTo("{{ f(a=(g(b=(1), c=([1, 2]))), d=(2)) }}");
    }

    @Test
    void blockTagsAndComments_loseTheIndentationBeforeThemOnTheirLine() {
        assertThat(JinjaSourceAdapter.adapt("a\n  {% if x %}b\n\t{# c #}{% endif %}"))
                .isEqualTo("a\n{% if x %}b\n{# c #}{% endif %}");
        assertThat(JinjaSourceAdapter.adapt("  {% if x %}")).isEqualTo("{% if x %}");
    }

    @Test
    void whitespaceAfterTextOnTheSameLine_orBeforeExpressions_isKept() {
        String template = "{{ m }} {% endfor %}x  {% if y %}\n  {{ z }}";

        assertThat(JinjaSourceAdapter.adapt(template)).isEqualTo(template);
    }

    @Test
    void oneTrailingNewlineOfTheTemplate_isDropped() {
        assertThat(JinjaSourceAdapter.adapt("{{ x }}\n\n")).isEqualTo("{{ x }}\n");
        assertThat(JinjaSourceAdapter.adapt("{{ '\\n' }}")).isEqualTo("{{ '\\n' }}");
    }
}
