package org.openjxc.integration.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.openjxc.integration.BackupView;
import org.openjxc.integration.Backups;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The one-command online backup of the embedded database. */
@RestController
@Tag(name = "Operations")
class BackupApiController {

    private final Backups backups;

    BackupApiController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping("/api/v1/backups")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(Permission.MANAGE_BACKUPS)
    BackupView backup() {
        return backups.backup(Actors.require());
    }
}
