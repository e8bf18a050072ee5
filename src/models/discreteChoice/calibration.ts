/**
 * The discrete-choice compromise's shipped coefficients, written by `npm run calibrate` from
 * data/calibration/discrete-choice.json (λ = 1; Parley 0.1.0, 2026-12-01),
 * fitted on DEU III (Arregui & Perarnaud 2021, doi:10.34810/data53; CC BY 4.0): the 351 scoreable issues of EU legislation, 1998–2019.
 * Do not edit: refit instead.
 */
export const shippedCalibration = {
  beta: [-0.4119507568422109, 0.020301229967156224, 2.226318038008161, 0.695096386299823],
  lambda: 1,
} as const;
