package com.example.dunning.workflows.dunning;

import java.time.Instant;

/**
 * Hold every step until {@code until} (or until resumed when null). The schedule's clock stops
 * while paused: the time left to the next step is the same after the pause as before it.
 */
public record PauseDunning(Instant until, String by) {}
