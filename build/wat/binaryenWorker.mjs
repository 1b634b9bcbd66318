// binaryen's WAT compiler in a worker thread with no module loaders (plain JavaScript, because it
// runs without tsx): tsx takes about 6 s to load binaryen's 10 MB single-line module, plain Node
// 0.4 s. compileWat.ts starts it and sends it text; it answers with the binary or the error.
import { parentPort } from 'node:worker_threads';
import binaryen from 'binaryen';

parentPort.on('message', ({ id, text, source, features }) => {
  let flags = binaryen.Features.MVP;
  for (const key of features) {
    const flag = binaryen.Features[key];
    if (flag === undefined) return parentPort.postMessage({ id, error: `${source}: this binaryen has no feature ${key}` });
    flags |= flag;
  }
  let module;
  try {
    module = binaryen.parseText(text);
  } catch (error) {
    return parentPort.postMessage({ id, error: `${source}: binaryen cannot parse it: ${error.message}` });
  }
  try {
    module.setFeatures(flags);
    if (!module.validate())
      return parentPort.postMessage({ id, error: `${source}: does not validate with the features it declares (binaryen's message is above)` });
    const bytes = module.emitBinary();
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: `${source}: ${error.message}` });
  } finally {
    module.dispose();
  }
});
