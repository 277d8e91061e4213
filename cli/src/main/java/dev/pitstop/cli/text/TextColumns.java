package dev.pitstop.cli.text;

import java.util.List;

/** Left-aligned text columns, for the tables of the control API's text answers and of the CLI. */
public final class TextColumns {
    private TextColumns() {}

    /** The rows with their columns two spaces apart, trailing blanks stripped, one line each. */
    public static String align(List<String[]> rows) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]).append(" ".repeat(widths[i] - r[i].length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
