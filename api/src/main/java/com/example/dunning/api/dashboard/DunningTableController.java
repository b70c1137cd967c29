package com.example.dunning.api.dashboard;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.dunning.api.dunnings.DunningFilter;
import com.example.dunning.api.dunnings.DunningPage;
import com.example.dunning.api.dunnings.DunningRecordQueries;
import com.example.dunning.api.dunnings.InvalidRequestException;
import com.example.dunning.workflows.model.DunningStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dunnings, newest failure first, a page at a time, filtered as {@code GET /api/v1/dunnings}
 * filters them and by the same code ({@link DunningFilter}, {@link DunningRecordQueries}).
 */
@Controller
class DunningTableController {

  static final int PAGE_SIZE = 25;

  private final DunningRecordQueries records;

  DunningTableController(DunningRecordQueries records) {
    this.records = records;
  }

  @GetMapping("/dashboard/dunnings")
  String dunnings(
      @RequestParam(required = false) List<String> status,
      @RequestParam(required = false) String provider,
      @RequestParam(required = false) String customer,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      HttpServletResponse response) {
    List<String> checked = status == null ? List.of() : status;
    model.addAttribute("statuses", DunningStatus.values());
    model.addAttribute("checked", checked);
    model.addAttribute("provider", provider);
    model.addAttribute("customer", customer);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    try {
      Set<DunningStatus> statuses = DunningFilter.statuses(String.join(",", checked));
      DunningFilter filter = DunningFilter.of(statuses, provider, customer, from, to);
      DunningPage found = records.list(filter, Math.max(page, 0), PAGE_SIZE);
      model.addAttribute("found", found);
      long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
      model.addAttribute("pages", pages);
      String query = query(checked, provider, customer, from, to);
      if (found.page() > 0) {
        model.addAttribute("previous", query + "page=" + (found.page() - 1));
      }
      if (found.page() + 1 < pages) {
        model.addAttribute("next", query + "page=" + (found.page() + 1));
      }
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.getMessage());
    }
    return "dashboard/dunnings";
  }

  /** The link to another page of the same filter, up to {@code page=}, each value form-encoded. */
  private static String query(
      List<String> statuses, String provider, String customer, String from, String to) {
    StringBuilder query = new StringBuilder("/dashboard/dunnings?");
    statuses.forEach(status -> add(query, "status", status));
    add(query, "provider", provider);
    add(query, "customer", customer);
    add(query, "from", from);
    add(query, "to", to);
    return query.toString();
  }

  private static void add(StringBuilder query, String name, String value) {
    if (value != null && !value.isBlank()) {
      query.append(name).append('=').append(URLEncoder.encode(value.strip(), UTF_8)).append('&');
    }
  }
}
