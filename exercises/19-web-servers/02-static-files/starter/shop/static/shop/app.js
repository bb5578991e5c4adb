// The shop's script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const buttons = document.querySelectorAll("button[data-add-to-cart]");
  for (const button of buttons) {
    button.addEventListener("click", (event) => {
      event.preventDefault();
      const item = button.getAttribute("data-add-to-cart");
      const count = document.querySelector("#cart-count");
      count.textContent = String(Number(count.textContent || "0") + 1);
      console.log("added to the cart:", item);
    });
  }
});

function formatPrice(value, locale = "en-GB") {
  if (value === null || value === undefined) {
    return "";
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

function formatDate(value, locale = "en-GB") {
  if (value === null || value === undefined) {
    return "";
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

function formatQuantity(value, locale = "en-GB") {
  if (value === null || value === undefined) {
    return "";
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

function formatWeight(value, locale = "en-GB") {
  if (value === null || value === undefined) {
    return "";
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
