"""A person's round photo, or their initials on a coloured disc."""

from __future__ import annotations

import zlib

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from gui.briefing import fonts, scripts, styles


class Portrait(Flowable):
    """A round photo, or initials on a coloured disc when there is no usable photo."""

    def __init__(self, diameter: float, image: ImageReader | None, initials: str,
                 seed: str) -> None:
        super().__init__()
        self.diameter = diameter
        self.image = image
        self.initials = initials
        self.colour = styles.AVATAR_COLOURS[zlib.crc32(seed.encode("utf-8"))
                                            % len(styles.AVATAR_COLOURS)]
        self.width = self.height = diameter

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.diameter, self.diameter

    def draw(self) -> None:
        canvas = self.canv
        r = self.diameter / 2
        canvas.saveState()
        if self.image is not None:
            path = canvas.beginPath()
            path.circle(r, r, r)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.drawImage(self.image, 0, 0, self.diameter, self.diameter,
                             preserveAspectRatio=False)
            canvas.restoreState()
            canvas.saveState()
            canvas.setStrokeColor(styles.RULE)
            canvas.setLineWidth(0.6)
            canvas.circle(r, r, r, stroke=1, fill=0)
        else:
            canvas.setFillColor(self.colour)
            canvas.circle(r, r, r, stroke=0, fill=1)
            size = self.diameter * 0.36
            canvas.setFillColor(colors.white)
            scripts.draw(canvas, r, r - size * 0.36, scripts.visual(self.initials), fonts.BOLD,
                         size, anchor="centre")
        canvas.restoreState()
