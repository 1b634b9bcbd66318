// A mid-tier Android phone: Pixel 5's viewport, touch and user agent on Chromium, with a phone's
// CPU and network applied over CDP.
import { defineDevice } from './descriptor.ts';

export default defineDevice({ name: 'pixel5', device: 'Pixel 5', engine: 'chromium', throttle: 'mid-tier-phone', colour: '#CC79A7', order: 40 });
