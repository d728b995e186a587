package io.reasoner.engine.template;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Python's {@code str} methods that chat templates call ({@code content.split('</think>')[-1].lstrip('\n')}),
 * which Jinjava lacks: it would look for Java methods, where {@code startswith} does not exist and {@code split}
 * takes a regex and drops trailing empty strings. Placed before Jinjava's own resolvers, it answers method calls on
 * strings by these names and leaves everything else (property access, other methods) to them.
 *
 * <p>Supported, with Python semantics: {@code startswith}/{@code endswith} (a string or a list of them),
 * {@code split} (no separator: runs of whitespace; optional maxsplit), {@code strip}/{@code lstrip}/{@code rstrip}
 * (no argument or None: whitespace; else the set of chars given), {@code upper}, {@code lower}.
 */
final class PythonStringMethods extends ELResolver {

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (!(base instanceof String text) || method == null) {
            return null;
        }
        Object[] args = params == null ? new Object[0] : params;
        Object result = switch (method.toString()) {
            case "startswith" -> matchesAny(args, text::startsWith);
            case "endswith" -> matchesAny(args, text::endsWith);
            case "split" -> split(text, args);
            case "strip" -> rstrip(lstrip(text, chars(args)), chars(args));
            case "lstrip" -> lstrip(text, chars(args));
            case "rstrip" -> rstrip(text, chars(args));
            case "upper" -> text.toUpperCase(Locale.ROOT);
            case "lower" -> text.toLowerCase(Locale.ROOT);
            default -> null;
        };
        if (result != null) {
            context.setPropertyResolved(true);
        }
        return result;
    }

    private static Boolean matchesAny(Object[] args, Predicate<String> test) {
        requireArity(args, 1, 1);
        if (args[0] instanceof List<?> options) {
            return options.stream().anyMatch(option -> test.test(String.valueOf(option)));
        }
        return test.test(String.valueOf(args[0]));
    }

    private static List<String> split(String text, Object[] args) {
        requireArity(args, 0, 2);
        String separator = args.length > 0 && args[0] != null ? args[0].toString() : null;
        int maxSplit = args.length > 1 ? ((Number) args[1]).intValue() : -1;
        if (separator == null) {
            return splitOnWhitespace(text, maxSplit);
        }
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("split: empty separator");
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((maxSplit < 0 || parts.size() < maxSplit) && (at = text.indexOf(separator, from)) >= 0) {
            parts.add(text.substring(from, at));
            from = at + separator.length();
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static List<String> splitOnWhitespace(String text, int maxSplit) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == text.length()) {
                break;
            }
            if (maxSplit >= 0 && parts.size() == maxSplit) {
                parts.add(rstrip(text.substring(i), null));
                break;
            }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            parts.add(text.substring(start, i));
        }
        return parts;
    }

    /** The chars to strip, or null for whitespace. */
    private static String chars(Object[] args) {
        requireArity(args, 0, 1);
        return args.length == 0 || args[0] == null ? null : args[0].toString();
    }

    private static String lstrip(String text, String chars) {
        int start = 0;
        while (start < text.length() && strips(text.charAt(start), chars)) {
            start++;
        }
        return text.substring(start);
    }

    private static String rstrip(String text, String chars) {
        int end = text.length();
        while (end > 0 && strips(text.charAt(end - 1), chars)) {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean strips(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    private static void requireArity(Object[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            throw new IllegalArgumentException("expected " + min + (min == max ? "" : " to " + max)
                    + " arguments, got " + args.length);
        }
    }

    // Not a property resolver: leave every property lookup to the resolvers after this one.

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // never resolves, so the next resolver handles (or refuses) the write
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
