export { WirGuidelineCarousel } from './guideline-carousel.js';
export { WirSlideChangeEvent } from './events.js';
export type { SlideChangeDetail } from './events.js';
export type { AutoplayClock } from './autoplay-controller.js';
