import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { zhCN } from '../../lib/i18n';
import type { RenderedDiagram } from './render';
import { cleanSvg, textChild } from './svg';

/**
 * The markup of one diagram in a note:
 *
 *   <figure class="diagram">
 *     <section class="diagram__frame" tabindex="0" aria-label="图：…">   scrolls sideways on a phone
 *       <svg class="diagram-svg" role="img" aria-labelledby aria-describedby>
 *         <title>accTitle</title><desc>accDescr</desc> …
 *     <p hidden>every label</p>                                          what search indexes
 *     <figcaption>caption · <a href="…/diagrams/<hash>.svg">查看原图</a>
 *
 * No script, no style attribute: colours come from src/styles/diagrams.css.
 */

export interface FigureOptions {
  /** Unique on the page: prefixes every id inside the SVG. */
  idPrefix: string;
  /** The fence's `title="…"`: shown as the caption, and the name when there is no accTitle. */
  caption: string | undefined;
  /** Where the full-size file is served. */
  fullSizeHref: string;
}

export interface Figure {
  element: Element;
  /** False when the name is not the author's accTitle (the build warns). */
  hasAccTitle: boolean;
}

/** What assistive technology announces: accTitle, else the caption, else the kind of diagram. */
export function accessibleName(diagram: RenderedDiagram, caption: string | undefined): string {
  return diagram.accTitle ?? caption ?? zhCN.diagramKinds[diagram.kind];
}

/** The `<svg>` with its title and description, ids prefixed; shared by the page and the full-size file. */
export function namedSvg(diagram: RenderedDiagram, idPrefix: string, caption: string | undefined): { svg: Element; labels: string[] } {
  const { svg, labels } = cleanSvg(diagram.svg, idPrefix);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const named: ElementContent[] = [textChild('title', titleId, accessibleName(diagram, caption))];
  if (diagram.accDescr) named.push(textChild('desc', descId, diagram.accDescr));
  svg.children.unshift(...named);
  svg.properties = {
    ...svg.properties,
    className: ['diagram-svg'],
    role: 'img',
    ariaLabelledBy: [titleId],
    ...(diagram.accDescr ? { ariaDescribedBy: [descId] } : {}),
  };
  return { svg, labels };
}

export function diagramFigure(diagram: RenderedDiagram, options: FigureOptions): Figure {
  const name = accessibleName(diagram, options.caption);
  const { svg, labels } = namedSvg(diagram, options.idPrefix, options.caption);
  const shownCaption = options.caption ?? diagram.accTitle;
  const element = h('figure', { className: ['diagram'], dataDiagram: diagram.kind }, [
    // A scrolling region must take focus to be scrolled by keyboard (axe scrollable-region-focusable).
    h('section', { className: ['diagram__frame'], tabIndex: 0, ariaLabel: zhCN.diagramRegion(name) }, [svg]),
    // Search skips <svg>; the labels as plain text let a query such as 高水位 find this note.
    h('p', { className: ['diagram__labels'], hidden: true }, labels.join(' · ')),
    h('figcaption', { className: ['diagram__caption'] }, [
      ...(shownCaption ? [h('span', shownCaption), ' '] : []),
      h('a', { className: ['diagram__open'], href: options.fullSizeHref }, [
        zhCN.diagramOpen,
        h('span', { className: ['sr-only'] }, `：${name}`),
      ]),
    ]),
  ]);
  return { element, hasAccTitle: diagram.accTitle !== undefined };
}
