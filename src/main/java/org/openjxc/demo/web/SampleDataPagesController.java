package org.openjxc.demo.web;

import org.openjxc.demo.SampleData;
import org.openjxc.demo.SampleDataRequest;
import org.openjxc.demo.SampleScale;
import org.openjxc.shared.Actors;
import org.openjxc.shared.BusinessException;
import org.openjxc.shared.Permission;
import org.openjxc.shared.RequiresPermission;
import org.openjxc.web.NavigationEntry;
import org.openjxc.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sample data as a page: choose a scale, start, watch the progress. */
@Controller
class SampleDataPagesController {

    private final SampleData sampleData;
    private final ProblemWriter messages;

    SampleDataPagesController(SampleData sampleData, ProblemWriter messages) {
        this.sampleData = sampleData;
        this.messages = messages;
    }

    @Bean
    static NavigationEntry sampleDataNavigation() {
        return new NavigationEntry("nav.section.system", "nav.sampleData", "/sample-data", "MANAGE_SETTINGS", 990);
    }

    @GetMapping("/sample-data")
    @RequiresPermission(Permission.MANAGE_SETTINGS)
    String form(Model model) {
        model.addAttribute("scales", SampleScale.values());
        model.addAttribute("possible", sampleData.possible(Actors.require()));
        return "demo/sample-data";
    }

    @PostMapping("/sample-data")
    @RequiresPermission(Permission.MANAGE_SETTINGS)
    String start(
            @RequestParam SampleScale scale,
            @RequestParam(required = false) Long seed,
            @RequestParam(required = false) Boolean bulk,
            RedirectAttributes flash,
            jakarta.servlet.http.HttpServletRequest request) {
        try {
            var run = sampleData.start(Actors.require(), new SampleDataRequest(scale, seed, bulk));
            return "redirect:/sample-data/" + run.id();
        } catch (BusinessException e) {
            flash.addFlashAttribute(
                    "flashError",
                    messages.message(request, e.messageKey(), e.args().toArray()));
            return "redirect:/sample-data";
        }
    }

    @GetMapping("/sample-data/{id}")
    @RequiresPermission(Permission.MANAGE_SETTINGS)
    String run(@PathVariable String id, Model model) {
        model.addAttribute("run", sampleData.get(Actors.require(), id));
        return "demo/sample-data-run";
    }
}
