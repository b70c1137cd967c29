package com.example.dunning.api.dashboard;

import com.example.dunning.api.dunnings.DunningStatistics;
import com.example.dunning.api.dunnings.DunningStats;
import com.example.dunning.api.dunnings.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The overview: the figures of {@code GET /api/v1/dunnings/stats} for a range of failure dates,
 * from the same {@link DunningStatistics}, with its two charts.
 */
@Controller
class OverviewController {

  private final DunningStatistics statistics;
  private final DashboardFormats formats;

  OverviewController(DunningStatistics statistics, DashboardFormats formats) {
    this.statistics = statistics;
    this.formats = formats;
  }

  @GetMapping("/dashboard")
  String overview(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    try {
      DunningStats stats = statistics.over(from, to);
      model.addAttribute("stats", stats);
      model.addAttribute("weekCharts", BarChart.weekly(stats.recoveredByWeek(), formats));
      model.addAttribute("stepChart", BarChart.steps(stats.recoveredAtStep(), formats));
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
    }
    return "dashboard/overview";
  }
}
