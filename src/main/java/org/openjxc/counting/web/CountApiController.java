package org.openjxc.counting.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openjxc.attachment.AttachmentView;
import org.openjxc.catalog.AbcClass;
import org.openjxc.counting.CountAccuracy;
import org.openjxc.counting.CountCause;
import org.openjxc.counting.CountCommand;
import org.openjxc.counting.CountEntry;
import org.openjxc.counting.CountLineView;
import org.openjxc.counting.CountPlanCommand;
import org.openjxc.counting.CountPlanView;
import org.openjxc.counting.CountPlans;
import org.openjxc.counting.CountResponsibility;
import org.openjxc.counting.CountStatus;
import org.openjxc.counting.CountView;
import org.openjxc.counting.StockCounts;
import org.openjxc.shared.Actors;
import org.openjxc.shared.ImportResult;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.Uploads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Stock counts over the API: create, enter, submit, approve; accuracy and responsibility reports. */
@RestController
@Tag(name = "Stock counts")
class CountApiController {

    private final StockCounts counts;
    private final CountPlans plans;

    CountApiController(StockCounts counts, CountPlans plans) {
        this.counts = counts;
        this.plans = plans;
    }

    /** Reclassifies every item A/B/C/D by its consumption value of the last year. */
    @PostMapping("/api/v1/items/abc-classification")
    @RequiresPermission(Permission.EDIT_ITEM)
    Map<AbcClass, Integer> classify() {
        return plans.classify(Actors.require());
    }

    @GetMapping("/api/v1/count-plans")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.APPROVE_COUNT})
    List<CountPlanView> plans() {
        return plans.list(Actors.require());
    }

    @PutMapping("/api/v1/count-plans")
    @RequiresPermission(Permission.CREATE_COUNT)
    CountPlanView savePlan(@Valid @RequestBody CountPlanCommand command) {
        return plans.save(Actors.require(), command);
    }

    /** Makes the counts of every plan due today now, instead of waiting for the morning run. */
    @PostMapping("/api/v1/count-plans/run")
    @RequiresPermission(Permission.CREATE_COUNT)
    List<CountView> runPlans() {
        return plans.runDue(Actors.require(), LocalDate.now());
    }

    @PostMapping("/api/v1/counts")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.CREATE_COUNT)
    CountView create(@Valid @RequestBody CountCommand command) {
        return counts.create(Actors.require(), command);
    }

    @GetMapping("/api/v1/counts")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.ENTER_COUNT, Permission.APPROVE_COUNT})
    PageResult<CountView> list(
            @RequestParam(required = false) CountStatus status,
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return counts.list(Actors.require(), status, warehouse, PageQuery.of(page, size, null));
    }

    @GetMapping("/api/v1/counts/{id}")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.ENTER_COUNT, Permission.APPROVE_COUNT})
    CountView get(@PathVariable long id) {
        return counts.get(Actors.require(), id);
    }

    @GetMapping("/api/v1/counts/{id}/lines")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.ENTER_COUNT, Permission.APPROVE_COUNT})
    PageResult<CountLineView> lines(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean differences,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return counts.lines(Actors.require(), id, differences, PageQuery.of(page, size, null));
    }

    @PostMapping("/api/v1/counts/{id}/entries")
    @RequiresPermission(Permission.ENTER_COUNT)
    CountLineView enter(@PathVariable long id, @Valid @RequestBody CountEntry entry) {
        return counts.enter(Actors.require(), id, entry);
    }

    @PostMapping("/api/v1/counts/{id}/submit")
    @RequiresPermission({Permission.ENTER_COUNT, Permission.CREATE_COUNT})
    CountView submit(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean uncountedAsZero,
            @RequestParam(required = false) Integer version) {
        return counts.submit(Actors.require(), id, uncountedAsZero, version);
    }

    @PostMapping("/api/v1/counts/{id}/reopen")
    @RequiresPermission(Permission.APPROVE_COUNT)
    CountView reopen(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return counts.reopen(Actors.require(), id, version);
    }

    @PostMapping("/api/v1/counts/{id}/approve")
    @RequiresPermission(Permission.APPROVE_COUNT)
    CountView approve(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return counts.approve(Actors.require(), id, version);
    }

    @PostMapping("/api/v1/counts/{id}/cancel")
    @RequiresPermission(Permission.CREATE_COUNT)
    CountView cancel(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return counts.cancel(Actors.require(), id, version);
    }

    /** Counted quantities from an uploaded count sheet (.xlsx or .csv): every row or none. */
    @PostMapping("/api/v1/counts/{id}/sheet")
    @RequiresPermission(Permission.ENTER_COUNT)
    ImportResult importSheet(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return CountPagesController.readSheet(counts, id, file);
    }

    @PostMapping("/api/v1/counts/{id}/lines/{line}/photo")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.ENTER_COUNT)
    AttachmentView photo(@PathVariable long id, @PathVariable int line, @RequestParam("file") MultipartFile file)
            throws IOException {
        return counts.attachPhoto(Actors.require(), id, line, Uploads.name(file), Uploads.bytes(file));
    }

    @GetMapping("/api/v1/counts/{id}/photos")
    @RequiresPermission({Permission.CREATE_COUNT, Permission.ENTER_COUNT, Permission.APPROVE_COUNT})
    List<AttachmentView> photos(@PathVariable long id) {
        return counts.photos(Actors.require(), id);
    }

    record Explanation(@NotNull CountCause cause, String note) {}

    @PutMapping("/api/v1/counts/{id}/lines/{line}/cause")
    @RequiresPermission({Permission.APPROVE_COUNT, Permission.CREATE_COUNT})
    CountLineView explain(@PathVariable long id, @PathVariable int line, @Valid @RequestBody Explanation e) {
        return counts.explain(Actors.require(), id, line, e.cause(), e.note());
    }

    @GetMapping("/api/v1/reports/count-accuracy")
    @RequiresPermission({Permission.APPROVE_COUNT, Permission.CREATE_COUNT})
    List<CountAccuracy> accuracy(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return counts.accuracy(Actors.require(), from, to);
    }

    @GetMapping("/api/v1/reports/count-responsibility")
    @RequiresPermission({Permission.APPROVE_COUNT, Permission.CREATE_COUNT})
    List<CountResponsibility> responsibility(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return counts.responsibility(Actors.require(), from, to);
    }
}
