package org.openjxc.web.internal;

import java.util.Map;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.ImportProgress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the import page polls while its upload is being imported; an API client that sent
 * {@code progress=<id>} with its upload may poll the same from another connection.
 */
@RestController
class ImportProgressController {

    private final ImportProgress progress;
    private final MessageSource messages;

    ImportProgressController(ImportProgress progress, MessageSource messages) {
        this.progress = progress;
        this.messages = messages;
    }

    @GetMapping({"/import/progress/{id}", "/api/v1/import-progress/{id}"})
    @RequiresPermission({Permission.IMPORT_ITEM, Permission.IMPORT_PARTNER, Permission.IMPORT_WAREHOUSE})
    Map<String, Object> get(@PathVariable String id) {
        var snapshot = progress.get(id, Actors.require().userId())
                .orElseThrow(() -> BusinessException.notFound("ImportProgress", id));
        String label = snapshot.phase() == ImportProgress.Phase.READING
                ? (snapshot.total() > 0
                        ? message("import.progress.reading", snapshot.rows(), snapshot.total())
                        : message("import.progress.readingUnknown", snapshot.rows()))
                : message(
                        "import.progress." + snapshot.phase().name().toLowerCase(java.util.Locale.ROOT),
                        snapshot.rows());
        return Map.of(
                "phase", snapshot.phase(),
                "rows", snapshot.rows(),
                "total", snapshot.total(),
                "percent", snapshot.percent(),
                "label", label);
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
