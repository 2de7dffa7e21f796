package org.openjxc.replenishment.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.openjxc.document.DocumentView;
import org.openjxc.replenishment.ForecastView;
import org.openjxc.replenishment.OrderLine;
import org.openjxc.replenishment.Replenishment;
import org.openjxc.replenishment.ReplenishmentRunView;
import org.openjxc.replenishment.ReplenishmentSetting;
import org.openjxc.replenishment.Suggestion;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.PageQuery;
import org.openjxc.shared.PageResult;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Forecasting runs, suggestions, one item's forecast, settings, and drafts from suggestions. */
@RestController
@Tag(name = "Replenishment")
class ReplenishmentApiController {

    record OrderBody(@NotEmpty List<@Valid OrderLine> lines) {}

    private final Replenishment replenishment;

    ReplenishmentApiController(Replenishment replenishment) {
        this.replenishment = replenishment;
    }

    @PostMapping("/api/v1/replenishment/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permission.MANAGE_REPLENISHMENT)
    ReplenishmentRunView start() {
        return replenishment.start(Actors.require());
    }

    @GetMapping("/api/v1/replenishment/runs/latest")
    @RequiresPermission(Permission.VIEW_STOCK)
    ReplenishmentRunView latest() {
        return replenishment
                .latestRun(Actors.require())
                .orElseThrow(() -> BusinessException.notFound("ReplenishmentRun", "latest"));
    }

    @GetMapping("/api/v1/replenishment/suggestions")
    @RequiresPermission(Permission.VIEW_STOCK)
    PageResult<Suggestion> suggestions(
            @RequestParam(required = false) String warehouse,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String supplier,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return replenishment.suggestions(Actors.require(), warehouse, kind, supplier, PageQuery.of(page, size, null));
    }

    @GetMapping("/api/v1/replenishment/forecast")
    @RequiresPermission(Permission.VIEW_STOCK)
    ForecastView forecast(@RequestParam String item, @RequestParam String warehouse) {
        return replenishment.forecast(Actors.require(), item, warehouse);
    }

    @GetMapping("/api/v1/replenishment/settings/{item}")
    @RequiresPermission(Permission.VIEW_STOCK)
    ReplenishmentSetting setting(@PathVariable String item) {
        return replenishment.setting(Actors.require(), item);
    }

    @PutMapping("/api/v1/replenishment/settings/{item}")
    @RequiresPermission(Permission.MANAGE_REPLENISHMENT)
    ReplenishmentSetting saveSetting(@PathVariable String item, @Valid @RequestBody ReplenishmentSetting body) {
        return replenishment.saveSetting(Actors.require(), item, body);
    }

    @PostMapping("/api/v1/replenishment/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.VIEW_STOCK)
    List<DocumentView> order(@Valid @RequestBody OrderBody body) {
        return replenishment.order(Actors.require(), body.lines());
    }
}
