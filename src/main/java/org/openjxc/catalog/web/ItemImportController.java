package org.openjxc.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.openjxc.catalog.Items;
import org.openjxc.shared.Actors;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.Imports;
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

    ItemImportController(Items items, Imports imports) {
        this.items = items;
        this.imports = imports;
    }

    @PostMapping("/api/v1/items/import")
    @ResponseBody
    @RequiresPermission(Permission.IMPORT_ITEM)
    ResponseEntity<Object> importApi(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            HttpServletRequest request) {
        return imports.answer(request, run(file, dryRun));
    }

    @GetMapping("/import/items")
    @RequiresPermission(Permission.IMPORT_ITEM)
    String page(Model model) {
        return imports.form(model, "import.items", "/import/items");
    }

    @PostMapping("/import/items")
    @RequiresPermission(Permission.IMPORT_ITEM)
    String importPage(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model) {
        return imports.page(model, "import.items", "/import/items", "itemColumn.", () -> run(file, dryRun));
    }

    @GetMapping("/import/items/template")
    @RequiresPermission(Permission.IMPORT_ITEM)
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
