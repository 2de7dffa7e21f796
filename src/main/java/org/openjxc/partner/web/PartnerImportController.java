package org.openjxc.partner.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.openjxc.partner.Partners;
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

/** Partner import: {@code POST /api/v1/partners/import}, the import page and its template. */
@Controller
class PartnerImportController {

    static final List<String> COLUMNS = Arrays.asList(PartnerPagesController.COLUMNS);

    private final Partners partners;
    private final Imports imports;

    PartnerImportController(Partners partners, Imports imports) {
        this.partners = partners;
        this.imports = imports;
    }

    @PostMapping("/api/v1/partners/import")
    @ResponseBody
    @RequiresPermission(Permission.IMPORT_PARTNER)
    ResponseEntity<Object> importApi(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            HttpServletRequest request) {
        return imports.answer(request, run(file, dryRun));
    }

    @GetMapping("/import/partners")
    @RequiresPermission(Permission.IMPORT_PARTNER)
    String page(Model model) {
        return imports.form(model, "import.partners", "/import/partners");
    }

    @PostMapping("/import/partners")
    @RequiresPermission(Permission.IMPORT_PARTNER)
    String importPage(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Model model) {
        return imports.page(model, "import.partners", "/import/partners", "partners.", () -> run(file, dryRun));
    }

    @GetMapping("/import/partners/template")
    @RequiresPermission(Permission.IMPORT_PARTNER)
    void template(HttpServletResponse response) throws IOException {
        imports.template(
                response,
                "partners-template.xlsx",
                "partners.",
                COLUMNS,
                List.of(Arrays.asList(
                        "C-001",
                        "华联超市",
                        "CUSTOMER",
                        "华东",
                        "张三",
                        "李四",
                        "021-12345678",
                        null,
                        "上海市",
                        50000,
                        30,
                        null,
                        null,
                        null,
                        null,
                        "yes")));
    }

    private ImportResult run(MultipartFile file, boolean dryRun) {
        return imports.run(
                file, "partners.", COLUMNS, source -> partners.importPartners(Actors.require(), source, dryRun));
    }
}
