/** Buttons drawn as divs (role="button"): a click, Enter or Space presses them. */
import type { Component } from "obsidian";

/** Listeners registered on `owner`, so they go when it unloads. */
export function onPress(owner: Component, el: HTMLElement, press: () => void): void {
  owner.registerDomEvent(el, "click", press);
  owner.registerDomEvent(el, "keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    press();
  });
}
