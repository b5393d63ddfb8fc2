package org.genscope.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal argument parsing: {@code --key value} options and positional words (stored under "0", "1", …). */
final class Options {
    private Options() {}

    static Map<String, String> parse(List<String> args) throws UsageException {
        Map<String, String> m = new LinkedHashMap<>();
        int positional = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String key = a.substring(2);
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    m.put(key.substring(0, eq), key.substring(eq + 1));
                } else if (i + 1 < args.size()) {
                    m.put(key, args.get(++i));
                } else {
                    throw new UsageException("option --" + key + " needs a value");
                }
            } else {
                m.put(String.valueOf(positional++), a);
            }
        }
        return m;
    }

    /** The single positional argument, named {@code what} in the error when missing or repeated. */
    static String positional(Map<String, String> opts, String what) throws UsageException {
        if (!opts.containsKey("0")) throw new UsageException("missing " + what);
        if (opts.containsKey("1")) throw new UsageException("unexpected extra argument '" + opts.get("1") + "'");
        return opts.get("0");
    }

    /** Several lists of option names as one array, for {@link #allow}. */
    @SafeVarargs
    static String[] joined(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toArray(String[]::new);
    }

    /** Fails on any option not in {@code allowed} (positionals are checked by {@link #positional}). */
    static void allow(Map<String, String> opts, String... allowed) throws UsageException {
        Set<String> ok = Set.of(allowed);
        for (String k : opts.keySet()) {
            if (!ok.contains(k) && !k.chars().allMatch(Character::isDigit)) {
                throw new UsageException("unknown option --" + k);
            }
        }
    }

    static double number(Map<String, String> opts, String key, double dflt, double min, double max)
            throws UsageException {
        String v = opts.get(key);
        if (v == null) return dflt;
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects a number, got '" + v + "'");
        }
        if (!(d >= min && d <= max)) throw new UsageException("--" + key + " must be in [" + fmt(min) + ", " + fmt(max) + "], got " + v);
        return d;
    }

    static long integer(Map<String, String> opts, String key, long dflt, long min, long max) throws UsageException {
        String v = opts.get(key);
        if (v == null) return dflt;
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects an integer, got '" + v + "'");
        }
        if (n < min || n > max) throw new UsageException("--" + key + " must be in [" + min + ", " + max + "], got " + v);
        return n;
    }

    /** --key as hidden widths, e.g. {@code 500} or {@code 200,200}; empty or {@code none}: no hidden layer. */
    static int[] widths(String key, String text) throws UsageException {
        if (text.isBlank() || text.equals("none")) return new int[0];
        try {
            return java.util.Arrays.stream(text.split(",")).mapToInt(w -> Integer.parseInt(w.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " expects widths like 500 or 500,500, got '" + text + "'");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e18 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
