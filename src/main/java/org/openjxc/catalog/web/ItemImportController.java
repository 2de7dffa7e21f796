package org.openjxc.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.openjxc.catalog.Items;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.Imports;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** Item import: {@code POST /api/v1/items/import}, the import page and its template. */
@Controller
class ItemImportController {

    static final List<String> COLUMNS = Arrays.asList(ItemPagesController.ItemColumns.HEADERS);

    private final Items items;
    private final Imports imports;
    private final ProblemWriter messages;

    ItemImportController(Items items, Imports imports, ProblemWriter messages) {
        this.items = items;
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping("/api/v1/items/import")
    @ResponseBody
    @RequiresPermission(Permission.IMPORT_MASTER_DATA)
    ResponseEntity<Object> importApi(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            HttpServletRequest request) {
        return imports.answer(request, run(file, dryRun));
    }

    @GetMapping("/import/items")
    @RequiresPermission(Permission.IMPORT_MASTER_DATA)
    String page(Model model) {
        model.addAttribute("titleKey", "import.items");
        model.addAttribute("path", "/import/items");
        return "import";
    }

    @PostMapping("/import/items")
    @RequiresPermission(Permission.IMPORT_MASTER_DATA)
    String importPage(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model) {
        try {
            ImportResult result = run(file, dryRun);
            model.addAttribute("result", result);
            model.addAttribute("errors", imports.errors(result, "itemColumn."));
        } catch (BusinessException e) {
            String detail = e.violations().isEmpty()
                    ? e.messageKey()
                    : e.violations().get(0).messageKey();
            Object[] args = e.violations().isEmpty()
                    ? e.args().toArray()
                    : e.violations().get(0).args().toArray();
            model.addAttribute("fileError", messages.message(LocaleContextHolder.getLocale(), detail, args));
        }
        return page(model);
    }

    @GetMapping("/import/items/template")
    @RequiresPermission(Permission.IMPORT_MASTER_DATA)
    void template(HttpServletResponse response) throws IOException {
        imports.template(
                response,
                "items-template.xlsx",
                "itemColumn.",
                COLUMNS,
                List.of(Arrays.asList(
                        "SKU-001",
                        "可口可乐 330ml",
                        "330ml",
                        null,
                        "bottle",
                        "box=24",
                        "6901234567892",
                        "GOODS",
                        "MOVING_AVERAGE",
                        "no",
                        null,
                        48,
                        "A",
                        null,
                        2.1,
                        3.5,
                        0.13,
                        0.35,
                        null,
                        "yes")));
    }

    private ImportResult run(MultipartFile file, boolean dryRun) {
        return imports.run(
                file,
                "itemColumn.",
                COLUMNS,
                source -> items.importItems(Actors.require(), source, file.getOriginalFilename(), dryRun));
    }
}
