// Big photos are shrunk in the browser before they are uploaded: at most 2048 px on the long side,
// JPEG at quality 0.85 (a 12-megapixel phone photo goes from ~5 MB to a few hundred KB over a weak
// network). Smaller pictures and anything that is not a picture go unchanged (the server checks and
// names what it refuses).
//
// The photo field (PhotoUpload.razor) is AntDesign's Upload, which posts the files of its <input>
// when Blazor hears the input's change event. This listener hears that event first (capture, on the
// window), holds it back while it replaces the input's files with the shrunk ones, then lets a new
// change event through.
(() => {
    const MaxSide = 2048, Quality = 0.85;

    async function shrink(file) {
        if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return file;
        let bitmap;
        try { bitmap = await createImageBitmap(file, { imageOrientation: "from-image" }); }
        catch { return file; } // damaged or unknown: the server says so in Chinese
        try {
            const long = Math.max(bitmap.width, bitmap.height);
            if (long <= MaxSide) return file;
            const w = Math.round(bitmap.width * MaxSide / long), h = Math.round(bitmap.height * MaxSide / long);
            const canvas = document.createElement("canvas");
            canvas.width = w; canvas.height = h;
            const g = canvas.getContext("2d");
            g.fillStyle = "#fff"; // a transparent PNG turns white, as the server would make it
            g.fillRect(0, 0, w, h);
            g.imageSmoothingQuality = "high";
            g.drawImage(bitmap, 0, 0, w, h);
            const blob = await new Promise(done => canvas.toBlob(done, "image/jpeg", Quality));
            if (!blob) return file;
            return new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg", lastModified: file.lastModified });
        } finally { bitmap.close(); }
    }

    window.addEventListener("change", async e => {
        const input = e.target;
        if (!(input instanceof HTMLInputElement) || input.type !== "file" || !input.closest(".gg-photo-upload")) return;
        if (input.dataset.ggShrunk === "1") { delete input.dataset.ggShrunk; return; }
        if (!input.files || input.files.length === 0) return;
        e.stopImmediatePropagation();
        const chosen = [...input.files];
        const ready = new DataTransfer();
        for (const f of await Promise.all(chosen.map(shrink))) ready.items.add(f);
        input.files = ready.files;
        input.dataset.ggShrunk = "1";
        input.dispatchEvent(new Event("change", { bubbles: true }));
    }, true);
})();
