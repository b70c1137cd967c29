package com.example.dunning.api.dashboard;

import com.example.dunning.api.dunnings.DunningStats.StepRecovered;
import com.example.dunning.api.dunnings.DunningStats.WeekRecovered;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A horizontal bar chart drawn as SVG on the server: one row per bar, its label, its bar scaled to
 * the largest value and its value written beside it. The page puts the same figures in a table.
 *
 * @param title what it shows, also the SVG's accessible name
 * @param height of the SVG's view box; its width is {@link #WIDTH}
 */
public record BarChart(String title, List<Bar> bars, int height) {

  public static final int WIDTH = 640;
  private static final int ROW = 28;
  private static final int BAR_HEIGHT = 18;
  private static final int BARS_START = 150;
  private static final int BARS_WIDTH = 360;

  /**
   * @param label e.g. the week or the step
   * @param value written beside the bar
   * @param y the top of its row
   * @param width of the bar, 0 for a zero value
   */
  public record Bar(String label, String value, int y, int width) {

    public int textY() {
      return y + BAR_HEIGHT - 4;
    }

    public int barHeight() {
      return BAR_HEIGHT;
    }

    public int barX() {
      return BARS_START;
    }

    public int valueX() {
      return BARS_START + width + 6;
    }
  }

  public int width() {
    return WIDTH;
  }

  /** Recovered amounts per week, one chart per currency; weeks in between without any show 0. */
  static List<BarChart> weekly(List<WeekRecovered> weeks, DashboardFormats formats) {
    Map<String, TreeMap<LocalDate, Long>> byCurrency = new LinkedHashMap<>();
    weeks.forEach(
        week ->
            byCurrency
                .computeIfAbsent(week.currency(), currency -> new TreeMap<>())
                .put(week.week(), week.amount()));
    List<BarChart> charts = new ArrayList<>();
    byCurrency.forEach(
        (currency, amounts) -> {
          List<String> labels = new ArrayList<>();
          List<Double> values = new ArrayList<>();
          List<String> texts = new ArrayList<>();
          for (LocalDate week = amounts.firstKey();
              !week.isAfter(amounts.lastKey());
              week = week.plusWeeks(1)) {
            long amount = amounts.getOrDefault(week, 0L);
            labels.add("week of " + week);
            values.add((double) amount);
            texts.add(formats.amount(amount, currency));
          }
          charts.add(
              of(
                  "Recovered per week, " + currency.toUpperCase(Locale.ROOT),
                  labels,
                  values,
                  texts));
        });
    return charts;
  }

  /** The share of the recovered dunnings at each step of the schedule. */
  static BarChart steps(List<StepRecovered> steps, DashboardFormats formats) {
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (StepRecovered step : steps) {
      labels.add(stepName(step.step()));
      values.add(step.share());
      texts.add(formats.percent(step.share()) + " (" + step.count() + ")");
    }
    return of("Recovered at each step", labels, values, texts);
  }

  static String stepName(String step) {
    return step == null ? "before any step" : step;
  }

  private static BarChart of(
      String title, List<String> labels, List<Double> values, List<String> texts) {
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      int width = max <= 0 ? 0 : (int) Math.round(BARS_WIDTH * values.get(i) / max);
      bars.add(new Bar(labels.get(i), texts.get(i), 4 + i * ROW, width));
    }
    return new BarChart(title, bars, 8 + bars.size() * ROW);
  }
}
