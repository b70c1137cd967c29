package com.example.dunning.workflows.model;

/** Where a dunning stands; the last three are final outcomes. */
public enum DunningStatus {
  ACTIVE,
  PAUSED,
  RECOVERED,
  CANCELLED,
  EXPIRED
}
