package org.myelin.registry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.myelin.api.registry.RunStatus;

/**
 * The filter language of {@link org.myelin.api.registry.RunQuery}: comparisons of run fields
 * ({@code status}, {@code experiment}, {@code id}, {@code params.NAME}, {@code metrics.NAME},
 * {@code tags.NAME}) with {@code = != < <= > >=} or {@code IN (a, b)}, combined with {@code AND}
 * (binding tighter), {@code OR} and parentheses. Keywords are case-insensitive; values are numbers,
 * bare words or quoted strings.
 *
 * <p>A filter is evaluated in Java over the runs' summary rows rather than translated to SQL:
 * params and tags are strings that compare numerically when both sides are numbers, and metrics
 * may be NaN, and neither can be expressed the same way in H2 and PostgreSQL SQL. A comparison
 * with a field the run does not have is false. Errors name the 1-based position in the filter.
 */
final class RunFilter {

    /** The fields a filter can read from one run. */
    record Row(long id, String status, String experiment, Map<String, String> params, Map<String, Double> metrics,
            Map<String, String> tags) {
    }

    private static final String FIELDS = "status, experiment, id, params.NAME, metrics.NAME, tags.NAME";

    private final String text;
    private final List<Token> tokens;
    private int pos;

    private RunFilter(String text) {
        this.text = text;
        this.tokens = lex(text);
    }

    /**
     * @param filter the filter, or {@code null}/blank for every run
     * @return the predicate
     * @throws IllegalArgumentException naming the position when the filter does not parse
     */
    static Predicate<Row> parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return r -> true;
        }
        RunFilter p = new RunFilter(filter);
        Predicate<Row> result = p.or();
        Token t = p.peek();
        if (t.kind != Kind.END) {
            throw p.error(t, "expected AND, OR or the end of the filter, found '" + t.text + "'");
        }
        return result;
    }

    private enum Kind { WORD, STRING, OP, LPAREN, RPAREN, COMMA, END }

    private record Token(Kind kind, String text, int position) {
    }

    private Predicate<Row> or() {
        Predicate<Row> left = and();
        while (keyword("OR")) {
            pos++;
            Predicate<Row> right = and();
            Predicate<Row> l = left;
            left = r -> l.test(r) || right.test(r);
        }
        return left;
    }

    private Predicate<Row> and() {
        Predicate<Row> left = primary();
        while (keyword("AND")) {
            pos++;
            Predicate<Row> right = primary();
            Predicate<Row> l = left;
            left = r -> l.test(r) && right.test(r);
        }
        return left;
    }

    private Predicate<Row> primary() {
        Token t = next();
        if (t.kind == Kind.LPAREN) {
            Predicate<Row> inner = or();
            Token close = next();
            if (close.kind != Kind.RPAREN) {
                throw error(close, "expected ')' to close the '(' at position " + (t.position + 1) + ", found " + describe(close));
            }
            return inner;
        }
        if (t.kind != Kind.WORD || isKeyword(t.text)) {
            throw error(t, "expected a field (" + FIELDS + "), found " + describe(t));
        }
        Field field = field(t);
        Token op = next();
        if (op.kind == Kind.WORD && op.text.equalsIgnoreCase("IN")) {
            Token open = next();
            if (open.kind != Kind.LPAREN) {
                throw error(open, "expected '(' after IN, found " + describe(open));
            }
            List<String> values = new ArrayList<>();
            while (true) {
                values.add(value(field));
                Token sep = next();
                if (sep.kind == Kind.RPAREN) {
                    break;
                }
                if (sep.kind != Kind.COMMA) {
                    throw error(sep, "expected ',' or ')' in the IN list, found " + describe(sep));
                }
            }
            return r -> {
                Object v = field.read(r);
                return v != null && values.stream().anyMatch(x -> compare(v, x) == 0);
            };
        }
        if (op.kind != Kind.OP) {
            throw error(op, "expected an operator (= != < <= > >= IN) after '" + t.text + "', found " + describe(op));
        }
        String literal = value(field);
        switch (op.text) {
            case "=":
                return r -> test(field.read(r), literal, c -> c == 0);
            case "!=":
                return r -> test(field.read(r), literal, c -> c != 0);
            case "<":
                return r -> test(field.read(r), literal, c -> c < 0);
            case "<=":
                return r -> test(field.read(r), literal, c -> c <= 0);
            case ">":
                return r -> test(field.read(r), literal, c -> c > 0);
            default:
                return r -> test(field.read(r), literal, c -> c >= 0);
        }
    }

    private interface Field {
        Object read(Row r);

        default boolean isStatus() {
            return false;
        }
    }

    private Field field(Token t) {
        String name = t.text;
        String lower = name.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "status":
                return new Field() {
                    @Override
                    public Object read(Row r) {
                        return r.status();
                    }

                    @Override
                    public boolean isStatus() {
                        return true;
                    }
                };
            case "experiment":
                return Row::experiment;
            case "id":
                return Row::id;
            default:
                break;
        }
        int dot = name.indexOf('.');
        String prefix = dot < 0 ? lower : lower.substring(0, dot);
        String key = dot < 0 ? "" : name.substring(dot + 1);
        if (dot > 0 && !key.isEmpty()) {
            switch (prefix) {
                case "params":
                    return r -> r.params().get(key);
                case "metrics":
                    return r -> r.metrics().get(key);
                case "tags":
                    return r -> r.tags().get(key);
                default:
                    break;
            }
        }
        throw error(t, "unknown field '" + name + "'; fields are " + FIELDS);
    }

    private String value(Field field) {
        Token v = next();
        if (v.kind != Kind.WORD && v.kind != Kind.STRING || v.kind == Kind.WORD && isKeyword(v.text)) {
            throw error(v, "expected a value, found " + describe(v));
        }
        if (field.isStatus()) {
            String s = v.text.toUpperCase(Locale.ROOT);
            if (Arrays.stream(RunStatus.values()).noneMatch(x -> x.name().equals(s))) {
                throw error(v, "unknown status '" + v.text + "'; statuses are " + Arrays.toString(RunStatus.values()));
            }
            return s;
        }
        return v.text;
    }

    private static boolean test(Object actual, String literal, java.util.function.IntPredicate outcome) {
        if (actual == null) {
            return false;
        }
        if (actual instanceof Double && ((Double) actual).isNaN()) {
            // NaN is unordered: only "not equal" holds, as in IEEE 754
            return outcome.test(1) && outcome.test(-1) && !outcome.test(0);
        }
        return outcome.test(compare(actual, literal));
    }

    /** Numeric comparison when both sides are numbers, text comparison otherwise. */
    private static int compare(Object actual, String literal) {
        Double a = actual instanceof Number ? Double.valueOf(((Number) actual).doubleValue()) : number(actual.toString());
        Double b = number(literal);
        if (a != null && b != null) {
            return Double.compare(a, b);
        }
        return actual.toString().compareTo(literal);
    }

    private static Double number(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '+' || s.charAt(0) == '.'
                || s.equals("NaN") || s.endsWith("Infinity"))) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean keyword(String k) {
        Token t = peek();
        return t.kind == Kind.WORD && t.text.equalsIgnoreCase(k);
    }

    private static boolean isKeyword(String s) {
        return s.equalsIgnoreCase("AND") || s.equalsIgnoreCase("OR") || s.equalsIgnoreCase("IN");
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind != Kind.END) {
            pos++;
        }
        return t;
    }

    private static String describe(Token t) {
        return t.kind == Kind.END ? "the end of the filter" : "'" + t.text + "'";
    }

    private IllegalArgumentException error(Token t, String what) {
        return error(t.position, what);
    }

    private IllegalArgumentException error(int position, String what) {
        return new IllegalArgumentException("filter error at position " + (position + 1) + ": " + what + " (in: " + text + ")");
    }

    private List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                int start = i;
                i++;
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                }
                String op = s.substring(start, i);
                if (op.equals("!")) {
                    throw error(start, "'!' must be followed by '=' (use != for not equal)");
                }
                if (op.equals("==")) {
                    op = "=";
                }
                out.add(new Token(Kind.OP, op, start));
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw error(i, "unterminated string: no closing " + c);
                }
                out.add(new Token(Kind.STRING, s.substring(i + 1, end), i));
                i = end + 1;
            } else if (isWordChar(c)) {
                int start = i;
                while (i < s.length() && isWordChar(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            } else {
                throw error(i, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Kind.END, "", s.length()));
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+' || c == ':' || c == '/';
    }
}
