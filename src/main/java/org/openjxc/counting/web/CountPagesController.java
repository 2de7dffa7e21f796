package org.openjxc.counting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.openjxc.attachment.AttachmentFile;
import org.openjxc.catalog.AbcClass;
import org.openjxc.counting.CountCause;
import org.openjxc.counting.CountCommand;
import org.openjxc.counting.CountEntry;
import org.openjxc.counting.CountKind;
import org.openjxc.counting.CountLineView;
import org.openjxc.counting.CountPlanCommand;
import org.openjxc.counting.CountPlanView;
import org.openjxc.counting.CountPlans;
import org.openjxc.counting.CountStatus;
import org.openjxc.counting.CountView;
import org.openjxc.counting.StockCounts;
import org.openjxc.organization.Warehouses;
import org.openjxc.shared.Actor;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.FieldViolation;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.MasterDataQuery;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.Downloads;
import org.openjxc.web.ExcelExport;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.openjxc.web.TabularFile;
import org.openjxc.web.Uploads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Count pages: the list with a form to start a count, a count with its lines and differences,
 * the phone page for scanning at the shelf, the count sheet in Excel both ways, and accuracy.
 */
@Controller
class CountPagesController {

    private static final PageQuery ALL = PageQuery.of(0, PageQuery.MAX_SIZE, null);
    /** Header labels of the count sheet in both languages. */
    private static final Map<String, String> SHEET_COLUMNS = Map.ofEntries(
            Map.entry("bin", "bin"),
            Map.entry("货位", "bin"),
            Map.entry("item", "item"),
            Map.entry("商品", "item"),
            Map.entry("name", "name"),
            Map.entry("名称", "name"),
            Map.entry("unit", "unit"),
            Map.entry("单位", "unit"),
            Map.entry("batch", "batch"),
            Map.entry("批次", "batch"),
            Map.entry("system qty", "system"),
            Map.entry("账面数", "system"),
            Map.entry("counted qty", "counted"),
            Map.entry("实盘数", "counted"));

    private final StockCounts counts;
    private final CountPlans plans;
    private final Warehouses warehouses;
    private final ProblemWriter messages;

    private final jakarta.validation.Validator validator;

    CountPagesController(
            StockCounts counts,
            CountPlans plans,
            Warehouses warehouses,
            ProblemWriter messages,
            jakarta.validation.Validator validator) {
        this.validator = validator;
        this.counts = counts;
        this.plans = plans;
        this.warehouses = warehouses;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry countsNavigation() {
        return new NavigationEntry("nav.section.inventory", "nav.counts", "/counts", "ENTER_COUNT", 220);
    }

    @Bean
    static NavigationEntry countAccuracyNavigation() {
        return new NavigationEntry(
                "nav.section.inventory", "nav.countAccuracy", "/counts/accuracy", "APPROVE_COUNT", 225);
    }

    @GetMapping("/counts")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.ENTER_COUNT, Permission.APPROVE_COUNT})
    String list(
            @RequestParam(required = false) CountStatus status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actors.require();
        model.addAttribute("status", status);
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("statuses", CountStatus.values());
        model.addAttribute("kinds", CountKind.values());
        model.addAttribute("classes", AbcClass.values());
        model.addAttribute(
                "warehouses",
                warehouses
                        .list(actor, MasterDataQuery.of(null, true), null, ALL)
                        .items());
        model.addAttribute("result", counts.list(actor, status, warehouse, PageQuery.of(page, 50, null)));
        model.addAttribute("plans", plans.list(actor));
        return "counting/counts";
    }

    @PostMapping("/counts")
    @RequiresPermission(Permission.CREATE_COUNT)
    String create(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) CountKind kind,
            @RequestParam(required = false) AbcClass abcClass,
            @RequestParam(required = false) Integer samplePercent,
            @RequestParam(required = false) String binFrom,
            @RequestParam(required = false) String binTo,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String items,
            @RequestParam(defaultValue = "false") boolean blind,
            @RequestParam(defaultValue = "false") boolean freeze,
            @RequestParam(required = false) BigDecimal tolerancePercent,
            @RequestParam(required = false) String remark,
            RedirectAttributes flash) {
        List<String> itemCodes = items == null || items.isBlank()
                ? null
                : Arrays.stream(items.split("[\\s,，]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        try {
            CountView created = counts.create(
                    Actors.require(),
                    new CountCommand(
                            warehouse,
                            kind == null ? CountKind.FULL : kind,
                            abcClass,
                            samplePercent,
                            binFrom,
                            binTo,
                            category,
                            itemCodes,
                            blind,
                            freeze,
                            tolerancePercent,
                            remark));
            flash.addFlashAttribute("flashSuccess", message("counts.created", created.number(), created.lines()));
            return "redirect:/counts/" + created.id();
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", sentence(e));
            return "redirect:/counts";
        }
    }

    @PostMapping("/counts/plans")
    @RequiresPermission(Permission.CREATE_COUNT)
    String savePlan(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) AbcClass abcClass,
            @RequestParam(required = false) Integer samplePercent,
            @RequestParam(required = false) Integer everyDays,
            @RequestParam(defaultValue = "false") boolean blind,
            @RequestParam(required = false) BigDecimal tolerancePercent,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes flash) {
        var command =
                new CountPlanCommand(warehouse, abcClass, samplePercent, everyDays, blind, tolerancePercent, active);
        var problems = validator.validate(command);
        if (!problems.isEmpty()) {
            flash.addFlashAttribute(
                    "flashError",
                    problems.stream()
                            .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                            .sorted()
                            .collect(java.util.stream.Collectors.joining("; ")));
            return "redirect:/counts";
        }
        try {
            CountPlanView saved = plans.save(Actors.require(), command);
            flash.addFlashAttribute(
                    "flashSuccess", message("counts.planSaved", saved.warehouseName(), saved.abcClass()));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", sentence(e) + fields(e));
        }
        return "redirect:/counts";
    }

    @PostMapping("/counts/plans/run")
    @RequiresPermission(Permission.CREATE_COUNT)
    String runPlans(RedirectAttributes flash) {
        var made = plans.runDue(Actors.require(), LocalDate.now());
        flash.addFlashAttribute("flashSuccess", message("counts.plansRun", made.size()));
        return "redirect:/counts";
    }

    @PostMapping("/counts/abc")
    @RequiresPermission(Permission.EDIT_ITEM)
    String classify(RedirectAttributes flash) {
        Map<AbcClass, Integer> sizes = plans.classify(Actors.require());
        flash.addFlashAttribute(
                "flashSuccess",
                message(
                        "counts.classified",
                        sizes.getOrDefault(AbcClass.A, 0),
                        sizes.getOrDefault(AbcClass.B, 0),
                        sizes.getOrDefault(AbcClass.C, 0),
                        sizes.getOrDefault(AbcClass.D, 0)));
        return "redirect:/counts";
    }

    @GetMapping("/counts/{id}")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.ENTER_COUNT, Permission.APPROVE_COUNT})
    String count(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean differences,
            @RequestParam(required = false) Integer page,
            Model model) {
        Actor actor = Actors.require();
        model.addAttribute("count", counts.get(actor, id));
        model.addAttribute("differences", differences);
        model.addAttribute("lines", counts.lines(actor, id, differences, PageQuery.of(page, 100, null)));
        model.addAttribute("causes", CountCause.values());
        model.addAttribute("photos", counts.photos(actor, id));
        return "counting/count";
    }

    @PostMapping("/counts/{id}/{action:submit|approve|reopen|cancel}")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.ENTER_COUNT, Permission.APPROVE_COUNT})
    String act(
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean uncountedAsZero,
            RedirectAttributes flash) {
        Actor actor = Actors.require();
        Permission needed = switch (action) {
            case "approve", "reopen" -> Permission.APPROVE_COUNT;
            case "cancel" -> Permission.CREATE_COUNT;
            default -> Actors.has(Permission.ENTER_COUNT) ? Permission.ENTER_COUNT : Permission.CREATE_COUNT;
        };
        try {
            if (!Actors.has(needed)) {
                throw new BusinessException(
                        org.openjxc.shared.ErrorCode.FORBIDDEN, "error.document.permission", needed.name());
            }
            CountView after = switch (action) {
                case "submit" -> counts.submit(actor, id, uncountedAsZero, version);
                case "approve" -> counts.approve(actor, id, version);
                case "reopen" -> counts.reopen(actor, id, version);
                default -> counts.cancel(actor, id, version);
            };
            flash.addFlashAttribute("flashSuccess", message("counts.done." + action, after.number()));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", sentence(e));
        }
        return "redirect:/counts/" + id + ("approve".equals(action) ? "" : "?differences=" + "submit".equals(action));
    }

    @PostMapping("/counts/{id}/lines/{line}/cause")
    @RequiresPermission({Permission.APPROVE_COUNT, Permission.CREATE_COUNT})
    String explain(
            @PathVariable long id,
            @PathVariable int line,
            @RequestParam(required = false) CountCause cause,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        try {
            counts.explain(Actors.require(), id, line, cause, note);
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", sentence(e));
        }
        return "redirect:/counts/" + id + "?differences=true#line-" + line;
    }

    /** The phone page: scan the bin once, then item after item; the bin stays for the next scan. */
    @GetMapping("/counts/{id}/scan")
    @RequiresPermission(Permission.ENTER_COUNT)
    String scanPage(@PathVariable long id, Model model) {
        Actor actor = Actors.require();
        model.addAttribute("count", counts.get(actor, id));
        return "counting/scan";
    }

    @PostMapping("/counts/{id}/scan")
    @RequiresPermission(Permission.ENTER_COUNT)
    String scan(
            @PathVariable long id,
            @RequestParam(required = false) String bin,
            @RequestParam(required = false) String item,
            @RequestParam(required = false) String batch,
            @RequestParam(required = false) BigDecimal qty,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "false") boolean add,
            RedirectAttributes flash) {
        try {
            CountLineView line = counts.enter(
                    Actors.require(),
                    id,
                    new CountEntry(
                            bin, item == null ? "" : item, batch, qty == null ? BigDecimal.ONE : qty, unit, add));
            flash.addFlashAttribute("lastLine", line);
            if (line.needsRecount()) {
                flash.addFlashAttribute("flashError", message("counts.recountNeeded", line.item(), line.bin()));
            }
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", sentence(e) + fields(e));
        }
        flash.addFlashAttribute("lastBin", bin);
        flash.addFlashAttribute("lastAdd", add);
        return "redirect:/counts/" + id + "/scan";
    }

    /** The count sheet: what to count, in walking order; the books' column only where they may be seen. */
    @GetMapping("/counts/{id}/sheet")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.ENTER_COUNT, Permission.APPROVE_COUNT})
    void sheet(@PathVariable long id, HttpServletResponse response) throws IOException {
        Actor actor = Actors.require();
        CountView count = counts.get(actor, id);
        List<String> headers = List.of(
                message("counts.bin"),
                message("counts.item"),
                message("counts.name"),
                message("counts.unit"),
                message("counts.batch"),
                message("counts.system"),
                message("counts.counted"));
        ExcelExport.write(response, count.number() + ".xlsx", headers, sink -> {
            int page = 0;
            while (true) {
                var result = counts.lines(actor, id, false, PageQuery.of(page++, PageQuery.MAX_SIZE, null));
                for (CountLineView l : result.items()) {
                    sink.accept(Arrays.asList(
                            l.bin(), l.item(), l.itemName(), l.unit(), l.batch(), l.systemQty(), l.finalQty()));
                }
                if (result.items().size() < PageQuery.MAX_SIZE) {
                    break;
                }
            }
        });
    }

    /** Counted quantities from a filled-in sheet (or any file with bin, item and counted columns). */
    @PostMapping("/counts/{id}/sheet")
    @RequiresPermission(Permission.ENTER_COUNT)
    String importSheet(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes flash)
            throws IOException {
        ImportResult result;
        try {
            result = readSheet(counts, id, file);
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", sentence(e) + fields(e));
            return "redirect:/counts/" + id;
        }
        if (result.ok()) {
            flash.addFlashAttribute("flashSuccess", message("counts.sheetImported", result.imported()));
        } else {
            StringBuilder problems = new StringBuilder(message("counts.sheetRefused", result.problemCount()));
            result.problems().stream()
                    .limit(10)
                    .forEach(p -> problems.append(' ')
                            .append(message(
                                    "counts.sheetRow",
                                    p.row(),
                                    p.field() + ": "
                                            + message(p.messageKey(), p.args().toArray()))));
            flash.addFlashAttribute("flashError", problems.toString());
        }
        return "redirect:/counts/" + id;
    }

    /** Reads an uploaded sheet through the count's import: every row or none. */
    static ImportResult readSheet(StockCounts counts, long id, MultipartFile file) throws IOException {
        Path temp = Files.createTempFile("count-sheet", ".tmp");
        try {
            Files.write(temp, Uploads.bytes(file));
            return counts.importSheet(Actors.require(), id, TabularFile.of(temp, Uploads.name(file), SHEET_COLUMNS));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @PostMapping("/counts/{id}/photos")
    @RequiresPermission(Permission.ENTER_COUNT)
    String photo(
            @PathVariable long id,
            @RequestParam(required = false) Integer line,
            @RequestParam("file") MultipartFile file,
            RedirectAttributes flash)
            throws IOException {
        try {
            counts.attachPhoto(Actors.require(), id, line == null ? 0 : line, Uploads.name(file), Uploads.bytes(file));
            flash.addFlashAttribute("flashSuccess", message("counts.photoSaved"));
        } catch (BusinessException e) {
            flash.addFlashAttribute("flashError", sentence(e) + fields(e));
        }
        return "redirect:/counts/" + id + "/scan";
    }

    @GetMapping("/counts/{id}/photos/{photo}")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.ENTER_COUNT, Permission.APPROVE_COUNT})
    org.springframework.http.ResponseEntity<byte[]> photoFile(@PathVariable long id, @PathVariable long photo) {
        AttachmentFile f = counts.photo(Actors.require(), id, photo);
        return Downloads.attachment(f.view().fileName(), f.view().contentType(), f.content());
    }

    @GetMapping("/counts/accuracy")
    @RequiresPermission({Permission.APPROVE_COUNT, Permission.CREATE_COUNT})
    String accuracy(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        Actor actor = Actors.require();
        LocalDate start = from == null ? LocalDate.now().minusMonths(3) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", to);
        model.addAttribute("accuracy", counts.accuracy(actor, start, to));
        model.addAttribute("responsibility", counts.responsibility(actor, start, to));
        return "counting/accuracy";
    }

    private String fields(BusinessException e) {
        StringBuilder sb = new StringBuilder();
        for (FieldViolation v : e.violations()) {
            sb.append(' ')
                    .append(v.field())
                    .append(": ")
                    .append(messages.message(
                            LocaleContextHolder.getLocale(),
                            v.messageKey(),
                            v.args().toArray()));
        }
        return sb.toString();
    }

    private String sentence(BusinessException e) {
        return messages.sentence(LocaleContextHolder.getLocale(), e);
    }

    private String message(String key, Object... args) {
        return messages.message(LocaleContextHolder.getLocale(), key, args);
    }
}
