package org.openjxc.organization.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actors;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.ImportSource;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.Imports;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** Warehouse and bin imports: API, pages and templates. */
@Controller
class OrganizationImportController {

    static final List<String> WAREHOUSE_COLUMNS = List.of("code", "name", "orgUnit", "address", "active");
    static final List<String> BIN_COLUMNS = List.of("warehouse", "code", "name", "countsAsAvailable", "active");

    private final Warehouses warehouses;
    private final Imports imports;

    OrganizationImportController(Warehouses warehouses, Imports imports) {
        this.warehouses = warehouses;
        this.imports = imports;
    }

    @PostMapping("/api/v1/warehouses/import")
    @ResponseBody
    @RequiresPermission(Permission.IMPORT_WAREHOUSE)
    ResponseEntity<Object> importWarehouses(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            HttpServletRequest request) {
        return imports.answer(request, run("warehouses", file, dryRun));
    }

    @PostMapping("/api/v1/bins/import")
    @ResponseBody
    @RequiresPermission(Permission.IMPORT_WAREHOUSE)
    ResponseEntity<Object> importBins(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            HttpServletRequest request) {
        return imports.answer(request, run("bins", file, dryRun));
    }

    @GetMapping("/import/{resource:warehouses|bins}")
    @RequiresPermission(Permission.IMPORT_WAREHOUSE)
    String page(@PathVariable String resource, Model model) {
        return imports.form(model, "import." + resource, "/import/" + resource);
    }

    @PostMapping("/import/{resource:warehouses|bins}")
    @RequiresPermission(Permission.IMPORT_WAREHOUSE)
    String importPage(
            @PathVariable String resource,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model) {
        return imports.page(
                model, "import." + resource, "/import/" + resource, "importColumn.", () -> run(resource, file, dryRun));
    }

    @GetMapping("/import/{resource:warehouses|bins}/template")
    @RequiresPermission(Permission.IMPORT_WAREHOUSE)
    void template(@PathVariable String resource, HttpServletResponse response) throws IOException {
        if (resource.equals("bins")) {
            imports.template(
                    response,
                    "bins-template.xlsx",
                    "importColumn.",
                    BIN_COLUMNS,
                    List.of(Arrays.asList("WH1", "A-03-02-01", "A区3排2层1位", "yes", "yes")));
        } else {
            imports.template(
                    response,
                    "warehouses-template.xlsx",
                    "importColumn.",
                    WAREHOUSE_COLUMNS,
                    List.of(Arrays.asList("WH1", "总仓", "HQ", "上海市浦东新区", "yes")));
        }
    }

    private ImportResult run(String resource, MultipartFile file, boolean dryRun) {
        Function<ImportSource, ImportResult> importer = resource.equals("bins")
                ? source -> warehouses.importBins(Actors.require(), source, dryRun)
                : source -> warehouses.importWarehouses(Actors.require(), source, dryRun);
        return imports.run(file, "importColumn.", resource.equals("bins") ? BIN_COLUMNS : WAREHOUSE_COLUMNS, importer);
    }
}
