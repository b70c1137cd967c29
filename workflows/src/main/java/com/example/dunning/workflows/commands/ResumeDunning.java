package com.example.dunning.workflows.commands;

public record ResumeDunning(String by) {}
