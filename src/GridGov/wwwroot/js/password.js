// The change-password form posts itself with fetch: a refused change then keeps the new password
// and its confirmation typed (only a wrong current password is cleared), and the message stands under
// the field it names. Without this script the plain form still works (the page reloads with the message).
const form = document.getElementById("password-form");

function message(field) { return field.closest(".gg-field").querySelector(".gg-field-message"); }

function clear(field) {
    field.closest(".gg-field").classList.remove("gg-field-error");
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-describedby");
    const m = message(field);
    m.hidden = true;
    m.textContent = "";
    m.removeAttribute("id");
}

function show(field, text) {
    for (const f of form.querySelectorAll("input.ant-input")) clear(f);
    field.closest(".gg-field").classList.add("gg-field-error");
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", "password-error");
    const m = message(field);
    m.id = "password-error";
    m.textContent = text;
    m.hidden = false;
    field.focus();
}

if (form) {
    // A message goes as soon as its field is changed.
    form.addEventListener("input", e => { if (e.target.getAttribute("aria-invalid") === "true") clear(e.target); });
    form.addEventListener("submit", async e => {
        e.preventDefault();
        const button = form.querySelector("button[type=submit]");
        button.disabled = true;
        try {
            const response = await fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
            const answer = new URL(response.url);
            const error = answer.searchParams.get("error");
            if (!response.ok || answer.pathname !== "/account/password" || error === null) { location.assign(response.url); return; }
            const field = form.elements.namedItem(answer.searchParams.get("field") ?? "") ?? form.elements.namedItem("currentPassword");
            form.elements.namedItem("currentPassword").value = field.name === "currentPassword" ? "" : form.elements.namedItem("currentPassword").value;
            document.getElementById("password-done")?.remove();
            show(field, error);
        } catch {
            form.submit();
        } finally {
            button.disabled = false;
        }
    });
}
