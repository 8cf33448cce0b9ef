package com.matchmaking.app.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of every table of the database, found from the catalog rather than listed by hand, as text: bytea is
 * decoded as UTF-8 (stored JSON is UTF-8), arrays are spelled out. What a thief with a dump would have.
 */
public final class DatabaseDump {

    private final Map<String, List<String>> rowsByTable;

    private DatabaseDump(Map<String, List<String>> rowsByTable) {
        this.rowsByTable = rowsByTable;
    }

    public static DatabaseDump of(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name
                """, String.class);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> texts = new ArrayList<>();
            // The name comes from the catalog, not from input; identifiers cannot be bind parameters.
            jdbc.query("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"", rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.append(meta.getColumnName(column)).append('=').append(text(rs.getObject(column))).append(" | ");
                }
                texts.add(row.toString());
            });
            rows.put(table, texts);
        }
        return new DatabaseDump(rows);
    }

    private static String text(Object value) throws java.sql.SQLException {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Array array) {
            Object elements = array.getArray();
            return elements instanceof Object[] objects ? Arrays.deepToString(objects) : String.valueOf(elements);
        }
        return String.valueOf(value);
    }

    public Map<String, List<String>> rowsByTable() {
        return rowsByTable;
    }

    /** Tables whose rows contain the text, with the first offending row. */
    public Map<String, String> tablesContaining(String needle) {
        Map<String, String> hits = new LinkedHashMap<>();
        rowsByTable.forEach((table, rows) -> rows.stream().filter(r -> r.contains(needle)).findFirst()
                .ifPresent(row -> hits.put(table, row.length() > 300 ? row.substring(0, 300) + "…" : row)));
        return hits;
    }

    public Map<String, String> tablesContaining(String needle, List<String> onlyTables) {
        Map<String, String> hits = tablesContaining(needle);
        hits.keySet().retainAll(onlyTables);
        return hits;
    }
}
