package org.genscope.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.genscope.Quoted;

/**
 * Argument parsing for every command: {@code --key value} (or {@code --key=value}) options and positional words
 * (stored under "0", "1", …), and the typed readers of their values. Each failure is a {@link UsageException}
 * with a one-line message that quotes what the user typed ({@link Quoted}, so a huge token is cut).
 */
final class Options {
    private Options() {}

    /**
     * The options and positionals of {@code args}; fails on an option not in {@code allowed} (before asking for
     * its value), an option without a value, and an option given twice.
     */
    static Map<String, String> parse(List<String> args, String... allowed) throws UsageException {
        Set<String> ok = Set.of(allowed);
        Map<String, String> m = new LinkedHashMap<>();
        int positional = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                String key = a.substring(2);
                String value = null;
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    value = key.substring(eq + 1);
                    key = key.substring(0, eq);
                }
                if (!ok.contains(key)) throw new UsageException("unknown option " + Quoted.of("--" + key));
                if (value == null) {
                    boolean next = i + 1 < args.size() && !(args.get(i + 1).startsWith("--") && args.get(i + 1).length() > 2);
                    if (!next) throw new UsageException("option --" + key + " needs a value");
                    value = args.get(++i);
                }
                if (m.containsKey(key)) throw new UsageException("option --" + key + " is given twice");
                m.put(key, value);
            } else {
                m.put(String.valueOf(positional++), a);
            }
        }
        return m;
    }

    /** The single positional argument, named {@code what} in the error when missing or repeated. */
    static String positional(Map<String, String> opts, String what) throws UsageException {
        if (!opts.containsKey("0")) throw new UsageException("missing " + what);
        if (opts.containsKey("1")) throw new UsageException("unexpected extra argument " + Quoted.of(opts.get("1")));
        return opts.get("0");
    }

    /** Several lists of option names as one array, for {@link #parse}. */
    @SafeVarargs
    static String[] joined(List<String>... lists) {
        return Arrays.stream(lists).flatMap(List::stream).toArray(String[]::new);
    }

    /** Fails when a command that takes only options was given a positional word. */
    static void noPositional(Map<String, String> opts) throws UsageException {
        if (opts.containsKey("0")) throw new UsageException("unexpected argument " + Quoted.of(opts.get("0")));
    }

    static double number(Map<String, String> opts, String key, double dflt, double min, double max)
            throws UsageException {
        String v = opts.get(key);
        if (v == null) return dflt;
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects a number, got " + Quoted.of(v));
        }
        if (!(d >= min && d <= max)) {
            throw new UsageException("--" + key + " must be in [" + fmt(min) + ", " + fmt(max) + "], got " + Quoted.of(v));
        }
        return d;
    }

    static long integer(Map<String, String> opts, String key, long dflt, long min, long max) throws UsageException {
        String v = opts.get(key);
        if (v == null) return dflt;
        long n;
        try {
            n = Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects an integer, got " + Quoted.of(v));
        }
        if (n < min || n > max) throw new UsageException("--" + key + " must be in [" + min + ", " + max + "], got " + Quoted.of(v));
        return n;
    }

    /** --key as hidden widths, e.g. {@code 500} or {@code 200,200}; empty or {@code none}: no hidden layer. */
    static int[] widths(String key, String text) throws UsageException {
        if (text.isBlank() || text.equals("none")) return new int[0];
        try {
            return Arrays.stream(text.split(",")).mapToInt(w -> Integer.parseInt(w.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects widths like 500 or 500,500, got " + Quoted.of(text));
        }
    }

    /** One of {@code allowed} (case-insensitive, returned in lower case), or {@code dflt} when not given. */
    static String choice(Map<String, String> o, String key, String dflt, String... allowed) throws UsageException {
        String v = o.getOrDefault(key, dflt).toLowerCase(Locale.ROOT);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new UsageException("--" + key + " must be one of " + String.join(", ", allowed) + ", got " + Quoted.of(o.get(key)));
        }
        return v;
    }

    /** {@code true} or {@code false} (false when not given). */
    static boolean flag(Map<String, String> o, String key) throws UsageException {
        String v = o.getOrDefault(key, "false").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) throw new UsageException("--" + key + " expects true or false, got " + Quoted.of(o.get(key)));
        return v.equals("true");
    }

    private static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e18) return String.valueOf((long) d);
        return Math.abs(d) < 1e-3 ? String.format(Locale.ROOT, "%.0e", d) : String.valueOf(d);
    }
}
