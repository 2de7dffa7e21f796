package org.openjxc.demo.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openjxc.demo.SampleData;
import org.openjxc.demo.SampleDataRequest;
import org.openjxc.demo.SampleDataRun;
import org.openjxc.shared.Actors;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sample data for an empty company: started here, followed by polling the run. */
@RestController
@Tag(name = "Operations")
class SampleDataApiController {

    private final SampleData sampleData;

    SampleDataApiController(SampleData sampleData) {
        this.sampleData = sampleData;
    }

    @PostMapping("/api/v1/sample-data")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @RequiresPermission(Permission.MANAGE_SETTINGS)
    SampleDataRun start(@Valid @RequestBody SampleDataRequest request) {
        return sampleData.start(Actors.require(), request);
    }

    @GetMapping("/api/v1/sample-data/{id}")
    @RequiresPermission(Permission.MANAGE_SETTINGS)
    SampleDataRun get(@PathVariable String id) {
        return sampleData.get(Actors.require(), id);
    }
}
