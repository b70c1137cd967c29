package com.example.dunning.workflows.dunning;

public record ResumeDunning(String by) {}
