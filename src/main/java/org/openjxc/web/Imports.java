package org.openjxc.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ImportProblem;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.ImportSource;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

/**
 * What every import shares: the upload kept in a temporary file and streamed from there, column
 * names in both languages, the downloadable template, and the answer (the report, or a problem
 * with one error per refused cell).
 */
@Component
public class Imports {

    /** A localized problem of one row, as the API and the page show it. */
    public record RowError(int row, String field, String label, String message) {}

    private final MessageSource messages;
    private final ProblemWriter problems;
    private final ImportProgress progress;

    Imports(MessageSource messages, ProblemWriter problems, ImportProgress progress) {
        this.messages = messages;
        this.problems = problems;
        this.progress = progress;
    }

    /**
     * Runs {@code importer} over the uploaded file, which is removed afterwards whatever happens.
     * When the request carries a {@code progress} id (the import page sends one), rows read are
     * counted under that id for the page to poll.
     */
    public ImportResult run(
            MultipartFile file,
            String labelPrefix,
            List<String> columns,
            Function<ImportSource, ImportResult> importer) {
        if (file == null || file.isEmpty()) {
            throw BusinessException.invalid("file", "import.noFile");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("openjxc-import-", ".upload");
            file.transferTo(temp);
            ImportSource source = TabularFile.of(temp, file.getOriginalFilename(), aliases(labelPrefix, columns));
            var run = progress.start(
                    progressId(),
                    Actors.require().userId(),
                    TabularFile.estimateRows(temp, file.getOriginalFilename()));
            if (run.isEmpty()) {
                return importer.apply(source);
            }
            try {
                return importer.apply(sink -> {
                    source.forEach(row -> {
                        run.get().rowRead();
                        sink.accept(row);
                    });
                    run.get().checking();
                });
            } finally {
                progress.finish(run.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private static String progressId() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getParameter("progress")
                : null;
    }

    /**
     * The import page after an upload: the report, or why the file could not be read at all.
     * Returns the view name.
     */
    public String page(
            org.springframework.ui.Model model,
            String titleKey,
            String path,
            String labelPrefix,
            java.util.function.Supplier<ImportResult> run) {
        try {
            ImportResult result = run.get();
            model.addAttribute("result", result);
            model.addAttribute("errors", errors(result, labelPrefix));
        } catch (BusinessException e) {
            model.addAttribute("fileError", problems.sentence(LocaleContextHolder.getLocale(), e));
        }
        return form(model, titleKey, path);
    }

    /** The empty import page. */
    public String form(org.springframework.ui.Model model, String titleKey, String path) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("path", path);
        return "import";
    }

    /** Header labels accepted for each column: the API name and the label in every language. */
    public Map<String, String> aliases(String labelPrefix, List<String> columns) {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String column : columns) {
            aliases.put(column.toLowerCase(Locale.ROOT), column);
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                String label = messages.getMessage(labelPrefix + column, null, null, locale);
                if (label != null) {
                    aliases.putIfAbsent(label.trim().toLowerCase(Locale.ROOT), column);
                }
            }
        }
        return aliases;
    }

    /** The problems for the page, each column named as the user's template names it. */
    public List<RowError> errors(ImportResult result, String labelPrefix) {
        Locale locale = LocaleContextHolder.getLocale();
        return result.problems().stream()
                .map(p -> {
                    RowError e = toError(locale, p);
                    String label = p.field().isEmpty()
                            ? ""
                            : messages.getMessage(labelPrefix + p.field(), null, p.field(), locale);
                    return new RowError(e.row(), e.field(), label, e.message());
                })
                .toList();
    }

    /** The API answer: 200 with the report, or 400 {@code VALIDATION_FAILED} listing every refused cell. */
    public ResponseEntity<Object> answer(HttpServletRequest request, ImportResult result) {
        if (result.ok()) {
            return ResponseEntity.ok(result);
        }
        Map<String, Object> body = problems.problem(
                request,
                new BusinessException(
                        org.openjxc.shared.ErrorCode.VALIDATION_FAILED,
                        "import.refused",
                        result.problemCount(),
                        result.rows()));
        Locale locale = LocaleContextHolder.getLocale();
        body.put(
                "errors",
                result.problems().stream().map(p -> toError(locale, p)).toList());
        body.put("rows", result.rows());
        body.put("imported", 0);
        body.put("errorCount", result.problemCount());
        return ResponseEntity.badRequest()
                .contentType(MediaType.valueOf(ProblemWriter.MEDIA_TYPE))
                .body(body);
    }

    /** The template: one header row in the user's language and example rows. */
    public void template(
            HttpServletResponse response,
            String fileName,
            String labelPrefix,
            List<String> columns,
            List<List<Object>> examples)
            throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> headers = columns.stream()
                .map(c -> messages.getMessage(labelPrefix + c, null, c, locale))
                .toList();
        ExcelExport.write(response, fileName, headers, sink -> examples.forEach(sink));
    }

    private RowError toError(Locale locale, ImportProblem p) {
        return new RowError(
                p.row(),
                p.field(),
                p.field(),
                problems.message(locale, p.messageKey(), p.args().toArray()));
    }
}
