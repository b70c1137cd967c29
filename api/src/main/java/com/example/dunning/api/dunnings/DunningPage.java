package com.example.dunning.api.dunnings;

import java.util.List;

/**
 * One page of a list, newest failure first.
 *
 * @param page 0-based
 * @param total how many dunnings match the filter, over all pages
 */
public record DunningPage(List<DunningSummary> items, int page, int size, long total) {}
