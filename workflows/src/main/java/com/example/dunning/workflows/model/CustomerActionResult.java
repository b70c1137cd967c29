package com.example.dunning.workflows.model;

import java.util.List;

/**
 * What a customer-level action did.
 *
 * @param actionKey {@code <coordinator id>:action:<request id>}
 * @param dunnings the dunnings open when the action first ran, each claimed for it once
 */
public record CustomerActionResult(
    String actionKey, CustomerActionKind kind, List<ActedDunning> dunnings) {}
