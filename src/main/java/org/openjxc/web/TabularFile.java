package org.openjxc.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ImportRow;
import org.openjxc.shared.ImportSource;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded CSV or XLSX file row by row, never whole: CSV through Commons CSV (UTF-8, a
 * BOM from Excel is skipped), XLSX through POI's streaming SAX reader (first sheet). The first
 * row names the columns, by their API names or by the labels of the downloadable template.
 */
public final class TabularFile {

    /**
     * Numbers in "General" cells come back in full (a 13-digit barcode typed as a number stays
     * 6901234567892, never 6.90123E+12); other formats as Excel shows them.
     */
    private static final org.apache.poi.ss.usermodel.DataFormatter PLAIN_NUMBERS =
            new org.apache.poi.ss.usermodel.DataFormatter() {
                @Override
                // POI hands over Excel's double; it is turned into exact decimal text at once.
                public String formatRawCellContents(double value, int formatIndex, String formatString) {
                    if (formatString == null || "General".equalsIgnoreCase(formatString)) {
                        return java.math.BigDecimal.valueOf(value)
                                .stripTrailingZeros()
                                .toPlainString();
                    }
                    return super.formatRawCellContents(value, formatIndex, formatString);
                }
            };

    private TabularFile() {}

    /**
     * A source over the file. {@code aliases} maps lower-case header labels (both languages) to
     * column names; unknown headers are refused so that a mistyped column is never silently ignored.
     */
    public static ImportSource of(java.nio.file.Path file, String fileName, Map<String, String> aliases) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return sink -> readXlsx(file, aliases, sink);
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return sink -> readCsv(file, aliases, sink);
        }
        throw BusinessException.invalid("file", "import.fileType");
    }

    /**
     * Rows in the file after the header, for progress only: line breaks counted in a CSV (a quoted
     * value spanning lines makes it a little high), -1 for a workbook, whose row count needs a parse.
     */
    static int estimateRows(java.nio.file.Path file, String fileName) {
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".txt"))) {
            return -1;
        }
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            int lines = 0;
            int last = '\n';
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
            if (last != '\n') {
                lines++;
            }
            return Math.max(0, lines - 1);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void readCsv(java.nio.file.Path file, Map<String, String> aliases, Consumer<ImportRow> sink) {
        try (InputStream in = BOMInputStream.builder()
                        .setInputStream(java.nio.file.Files.newInputStream(file))
                        .get();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setIgnoreSurroundingSpaces(true)
                        .get()
                        .parse(reader)) {
            List<String> columns = null;
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                List<String> cells = record.toList();
                if (columns == null) {
                    columns = columns(cells, aliases);
                    continue;
                }
                emit(number, columns, cells, sink);
            }
            if (columns == null) {
                throw BusinessException.invalid("file", "import.empty");
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw BusinessException.invalid("file", "import.unreadable", e.getMessage());
        }
    }

    private static void readXlsx(java.nio.file.Path file, Map<String, String> aliases, Consumer<ImportRow> sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            var strings = new ReadOnlySharedStringsTable(pkg);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw BusinessException.invalid("file", "import.empty");
            }
            var handler = new RowCollector(aliases, sink);
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            XMLReader xml = factory.newSAXParser().getXMLReader();
            xml.setContentHandler(
                    new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, handler, PLAIN_NUMBERS, false));
            try (InputStream sheet = sheets.next()) {
                xml.parse(new InputSource(sheet));
            }
            if (handler.columns == null) {
                throw BusinessException.invalid("file", "import.empty");
            }
        } catch (BusinessException e) {
            throw e;
        } catch (Exception e) {
            throw BusinessException.invalid("file", "import.unreadable", String.valueOf(e.getMessage()));
        }
    }

    /** Collects the cells of each sheet row and hands complete rows on. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Map<String, String> aliases;
        private final Consumer<ImportRow> sink;
        private List<String> columns;
        private final Map<Integer, String> cells = new HashMap<>();
        private int maxColumn;

        RowCollector(Map<String, String> aliases, Consumer<ImportRow> sink) {
            this.aliases = aliases;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            maxColumn = -1;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
            cells.put(column, value);
            maxColumn = Math.max(maxColumn, column);
        }

        @Override
        public void endRow(int rowNum) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i <= maxColumn; i++) {
                values.add(cells.get(i));
            }
            if (columns == null) {
                if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                    return;
                }
                columns = columns(values, aliases);
                return;
            }
            emit(rowNum + 1, columns, values, sink);
        }
    }

    private static List<String> columns(List<String> header, Map<String, String> aliases) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String label = header.get(i) == null ? "" : header.get(i).trim().toLowerCase(Locale.ROOT);
            if (label.isEmpty()) {
                columns.add(null);
                continue;
            }
            String column = aliases.get(label);
            if (column == null) {
                throw BusinessException.invalid("file", "import.unknownColumn", header.get(i));
            }
            if (columns.contains(column)) {
                throw BusinessException.invalid("file", "import.repeatedColumn", header.get(i));
            }
            columns.add(column);
        }
        return columns;
    }

    private static void emit(int number, List<String> columns, List<String> cells, Consumer<ImportRow> sink) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(columns.size(), cells.size()); i++) {
            String value = cells.get(i);
            if (columns.get(i) != null && value != null && !value.isBlank()) {
                values.put(columns.get(i), value.trim());
            }
        }
        if (!values.isEmpty()) {
            sink.accept(new ImportRow(number, values));
        }
    }
}
