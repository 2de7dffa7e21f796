package org.openjxc.finance.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.openjxc.finance.PeriodStatus;
import org.openjxc.finance.PeriodView;
import org.openjxc.finance.Periods;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Closing and reopening months (结账 / 反结账) over the API; {@code month} is {@code yyyy-MM}. */
@RestController
@Tag(name = "Finance")
class PeriodApiController {

    private final Periods periods;

    PeriodApiController(Periods periods) {
        this.periods = periods;
    }

    @GetMapping("/api/v1/periods")
    @RequiresPermission(Permission.MANAGE_PERIODS)
    PeriodStatus status() {
        return periods.status(Actors.require());
    }

    @PostMapping("/api/v1/periods/{month}/close")
    @RequiresPermission(Permission.MANAGE_PERIODS)
    PeriodView close(@PathVariable String month) {
        return periods.close(Actors.require(), PeriodPagesController.month(month));
    }

    @PostMapping("/api/v1/periods/{month}/reopen")
    @RequiresPermission(Permission.MANAGE_PERIODS)
    PeriodStatus reopen(@PathVariable String month) {
        periods.reopen(Actors.require(), PeriodPagesController.month(month));
        return periods.status(Actors.require());
    }
}
