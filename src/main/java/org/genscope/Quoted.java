package org.genscope;

/**
 * A value from a file or the user, quoted for a one-line message: {@code 'abc'}, control characters shown as
 * {@code ?}, and anything longer than {@value #MAX} characters cut with an ellipsis and its length, so a corrupt
 * 10 MB token never floods a message.
 */
public final class Quoted {
    public static final int MAX = 60;

    private Quoted() {}

    /** {@code 'value'}, or {@code 'first 60 characters…' (N characters)}. */
    public static String of(String value) {
        if (value == null) return "nothing";
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(value.length(), MAX);
        if (n < value.length() && Character.isHighSurrogate(value.charAt(n - 1))) n--;     // never split a pair
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (n < value.length()) return sb.append("…' (").append(value.length()).append(" characters)").toString();
        return sb.append('\'').toString();
    }
}
