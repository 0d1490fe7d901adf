/**
 * Entry of demo/configurator/index.html: the page names the bundle's folder and the preset feed
 * on its <main> (data-base, data-feed), relative to the page, so the same build works wherever
 * the page and the bundle are hosted.
 */
import { startConfigurator } from './configurator.js';

const root = document.getElementById('wir-configurator');
if (root) {
  void startConfigurator(root, {
    base: root.dataset.base ?? '../dist/embed/',
    feed: root.dataset.feed ?? '../feeds/hannover.json',
  });
}
