package org.openjxc.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Streams a list to an .xlsx download with Apache POI's streaming workbook, so a large export
 * keeps only a window of rows in memory. Numbers stay numbers people can add up, never text.
 */
public final class ExcelExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ExcelExport() {}

    /** Writes one sheet: a bold header row, then the rows {@code rows} pushes into the sink. */
    public static void write(
            HttpServletResponse response, String fileName, List<String> headers, Consumer<Consumer<List<Object>>> rows)
            throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        try (var workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet("data");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(bold);
            }
            int[] next = {1};
            rows.accept(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    set(row.createCell(i), values.get(i));
                }
            });
            sheet.createFreezePane(0, 1);
            workbook.write(response.getOutputStream());
        }
    }

    /**
     * Runs {@code each} over every item of a paged list, asking for the largest pages one after
     * another: what an export streams, never the whole list in memory.
     */
    public static <T> void eachOfAllPages(
            java.util.function.IntFunction<org.openjxc.shared.PageResult<T>> page, Consumer<T> each) {
        for (int p = 0; ; p++) {
            var result = page.apply(p);
            result.items().forEach(each);
            if (result.page() + 1 >= result.totalPages()) {
                return;
            }
        }
    }

    private static void set(Cell cell, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            // Excel keeps every number as a double (15 significant digits): exact for our scales
            // (amounts to 2, costs to 6 decimals) up to billions. The application itself never
            // computes in double; this is the spreadsheet's format, not ours.
            cell.setCellValue(d.doubleValue());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof OffsetDateTime t) {
            cell.setCellValue(
                    t.atZoneSameInstant(java.time.ZoneId.systemDefault()).format(TIME));
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d.toString());
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }
}
