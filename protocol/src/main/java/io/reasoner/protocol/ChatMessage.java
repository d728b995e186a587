package io.reasoner.protocol;

import java.util.Locale;
import java.util.Set;

/**
 * One turn of a conversation, rendered by the worker through the serving model's own chat template.
 *
 * @param role    {@code system}, {@code user} or {@code assistant}
 * @param content the turn's text
 */
public record ChatMessage(String role, String content) {

    public static final Set<String> ROLES = Set.of("system", "user", "assistant");

    public ChatMessage {
        Checks.notNull("role", role);
        role = role.toLowerCase(Locale.ROOT);
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of [system, user, assistant], was " + role);
        }
        Checks.notNull("content", content);
    }
}
